import { apiRoute } from "@/lib/http/api-route";
import { uuidParam } from "@/lib/http/params";
import { json } from "@/lib/http/respond";
import { listDeliveryReportsForMessage } from "@/lib/dlr/list-delivery-reports";
import { getMessage } from "@/lib/messages/get-messages";
import { listWebhookDeliveriesForMessage } from "@/lib/webhooks/list-deliveries";

export const GET = apiRoute<{ id: string }>(async ({ auth, params }) => {
  const id = uuidParam(params.id, "Message");
  const message = await getMessage(auth.accountId, id);
  const [deliveryReports, webhookDeliveries] = await Promise.all([
    listDeliveryReportsForMessage(auth.accountId, id),
    listWebhookDeliveriesForMessage(auth.accountId, id),
  ]);
  return json({ ...message, deliveryReports, webhookDeliveries });
});
