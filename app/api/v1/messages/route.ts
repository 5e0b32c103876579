import { apiRoute } from "@/lib/http/api-route";
import { parseQuery } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";
import { withIdempotency } from "@/lib/idempotency/with-idempotency";
import { listMessages } from "@/lib/messages/get-messages";
import { authenticateSendCached } from "@/lib/messages/send-context-cache";
import { listMessagesQuery, sendMessageInput } from "@/lib/messages/schemas";
import { acceptApiMessage } from "@/lib/messages/accept-message";

// Body first: the API key lookup loads the account's send context for `from` in the same query
// (or takes it from the brief cache, which the insert then re-checks).
export const POST = apiRoute(
  { body: sendMessageInput, authenticate: (authorization, input) => authenticateSendCached(authorization, input.from) },
  async ({ request, input, auth: authorized }) =>
    withIdempotency(request, authorized.auth.accountId, input, async (recordId) => ({
      status: 202,
      body: await acceptApiMessage(request.headers.get("authorization"), authorized, input, recordId),
      stored: true,
    })),
);

export const GET = apiRoute(async ({ request, auth }) =>
  json(await listMessages(auth.accountId, auth.defaultCountry, parseQuery(request, listMessagesQuery))),
);
