import { apiRoute } from "@/lib/http/api-route";
import { readJsonBody, validate } from "@/lib/http/parse";
import { withIdempotency } from "@/lib/idempotency/with-idempotency";
import { acceptMessageBatch } from "@/lib/messages/accept-message-batch";
import { MAX_BATCH_BODY_BYTES, sendBatchSchemaFor } from "@/lib/messages/batch-schemas";

export const POST = apiRoute(async ({ request, auth }) => {
  const body = await readJsonBody(request, MAX_BATCH_BODY_BYTES);
  const input = validate(sendBatchSchemaFor(body), body);
  return withIdempotency(request, auth.accountId, input, async (recordId) => {
    const batch = await acceptMessageBatch({ accountId: auth.accountId, apiKeyId: auth.apiKeyId }, input, recordId);
    return { status: 202, body: batch.response, stored: batch.stored };
  });
});
