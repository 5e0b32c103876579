import { apiRoute } from "@/lib/http/api-route";
import { uuidParam } from "@/lib/http/params";
import { parseQuery } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";
import { listWebhookDeliveries } from "@/lib/webhooks/list-deliveries";
import { getWebhookEndpoint } from "@/lib/webhooks/get-webhook-endpoints";
import { listDeliveriesQuery } from "@/lib/webhooks/schemas";

export const GET = apiRoute<{ id: string }>(async ({ request, auth, params }) => {
  const endpoint = await getWebhookEndpoint(auth.accountId, uuidParam(params.id, "Webhook endpoint"));
  const query = parseQuery(request, listDeliveriesQuery);
  return json(await listWebhookDeliveries(auth.accountId, { ...query, endpointId: endpoint.id }));
});
