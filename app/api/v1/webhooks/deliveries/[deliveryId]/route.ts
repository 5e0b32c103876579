import { apiRoute } from "@/lib/http/api-route";
import { uuidParam } from "@/lib/http/params";
import { json } from "@/lib/http/respond";
import { getWebhookDelivery } from "@/lib/webhooks/list-deliveries";

export const GET = apiRoute<{ deliveryId: string }>(async ({ auth, params }) =>
  json(await getWebhookDelivery(auth.accountId, uuidParam(params.deliveryId, "Webhook delivery"))),
);
