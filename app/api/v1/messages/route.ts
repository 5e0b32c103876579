import { apiRoute } from "@/lib/http/api-route";
import { parseJsonBody, parseQuery } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";
import { withIdempotency } from "@/lib/idempotency/with-idempotency";
import { listMessages } from "@/lib/messages/get-messages";
import { listMessagesQuery, sendMessageInput } from "@/lib/messages/schemas";
import { sendMessage } from "@/lib/messages/send-message";

export const POST = apiRoute(async ({ request, auth }) => {
  const input = await parseJsonBody(request, sendMessageInput);
  return withIdempotency(request, auth.accountId, input, async (recordId) => ({
    status: 202,
    body: await sendMessage({ accountId: auth.accountId, apiKeyId: auth.apiKeyId }, input, recordId),
    stored: true,
  }));
});

export const GET = apiRoute(async ({ request, auth }) =>
  json(await listMessages(auth.accountId, auth.defaultCountry, parseQuery(request, listMessagesQuery))),
);
