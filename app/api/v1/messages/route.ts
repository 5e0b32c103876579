import { apiRoute } from "@/lib/http/api-route";
import { parseQuery } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";
import { withIdempotency } from "@/lib/idempotency/with-idempotency";
import { listMessages } from "@/lib/messages/get-messages";
import { authenticateSend } from "@/lib/messages/prepare-message";
import { listMessagesQuery, sendMessageInput } from "@/lib/messages/schemas";
import { acceptMessage } from "@/lib/messages/accept-message";

// Body first: the API key lookup loads the account's send context for `from` in the same query.
export const POST = apiRoute(
  { body: sendMessageInput, authenticate: (authorization, input) => authenticateSend(authorization, input.from) },
  async ({ request, input, auth: { auth, context } }) =>
    withIdempotency(request, auth.accountId, input, async (recordId) => ({
      status: 202,
      body: await acceptMessage({ accountId: auth.accountId, apiKeyId: auth.apiKeyId }, input, recordId, context),
      stored: true,
    })),
);

export const GET = apiRoute(async ({ request, auth }) =>
  json(await listMessages(auth.accountId, auth.defaultCountry, parseQuery(request, listMessagesQuery))),
);
