import { apiRoute } from "@/lib/http/api-route";
import { parseJsonBody } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";
import { nudgeWebhookRelay } from "@/lib/webhooks/dispatch-deliveries";
import { replayFailedDeliveries } from "@/lib/webhooks/replay-deliveries";
import { replayFailedInput } from "@/lib/webhooks/schemas";

// Replays every failed delivery since a time (optionally of one endpoint).
export const POST = apiRoute(async ({ request, auth }) => {
  const input = await parseJsonBody(request, replayFailedInput);
  const replayed = await replayFailedDeliveries(auth.accountId, input);
  if (replayed > 0) await nudgeWebhookRelay();
  return json({ replayed }, 202);
});
