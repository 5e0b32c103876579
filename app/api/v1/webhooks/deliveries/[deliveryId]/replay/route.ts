import { apiRoute } from "@/lib/http/api-route";
import { uuidParam } from "@/lib/http/params";
import { json } from "@/lib/http/respond";
import { nudgeWebhookRelay } from "@/lib/webhooks/dispatch-deliveries";
import { replayDelivery } from "@/lib/webhooks/replay-deliveries";

export const POST = apiRoute<{ deliveryId: string }>(async ({ auth, params }) => {
  await replayDelivery(auth.accountId, uuidParam(params.deliveryId, "Webhook delivery"));
  await nudgeWebhookRelay();
  return json({ replayed: 1 }, 202);
});
