import { apiRoute } from "@/lib/http/api-route";
import { parseJsonBody } from "@/lib/http/parse";
import { withIdempotency } from "@/lib/idempotency/with-idempotency";
import { acceptMessageBatch } from "@/lib/messages/accept-message-batch";
import { MAX_BATCH_BODY_BYTES, sendBatchInput } from "@/lib/messages/batch-schemas";

export const POST = apiRoute(async ({ request, auth }) => {
  const input = await parseJsonBody(request, sendBatchInput, MAX_BATCH_BODY_BYTES);
  return withIdempotency(request, auth.accountId, input, async (recordId) => {
    const batch = await acceptMessageBatch({ accountId: auth.accountId, apiKeyId: auth.apiKeyId }, input, recordId);
    return { status: 202, body: batch.response, stored: batch.stored };
  });
});
