import { apiRoute } from "@/lib/http/api-route";
import { uuidParam } from "@/lib/http/params";
import { json } from "@/lib/http/respond";
import { nudgeWebhookRelay } from "@/lib/webhooks/dispatch-deliveries";
import { sendTestEvent } from "@/lib/webhooks/send-test-event";

export const POST = apiRoute<{ id: string }>(async ({ auth, params }) => {
  const result = await sendTestEvent(auth.accountId, uuidParam(params.id, "Webhook endpoint"));
  await nudgeWebhookRelay();
  return json(result, 202);
});
