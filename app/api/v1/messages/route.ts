import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { apiRoute, withErrors } from "@/lib/http/api-route";
import { parseJsonBody, parseQuery } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";
import { withIdempotency } from "@/lib/idempotency/with-idempotency";
import { listMessages } from "@/lib/messages/get-messages";
import { authenticateSend } from "@/lib/messages/prepare-message";
import { listMessagesQuery, sendMessageInput } from "@/lib/messages/schemas";
import { acceptMessage } from "@/lib/messages/accept-message";

// The body is read first so that the API key lookup can load the account's send context in the
// same query; a request with a bad key still gets its 401 before any complaint about its body.
export const POST = withErrors(async (request) => {
  const authorization = request.headers.get("authorization");
  const parsed = await parseJsonBody(request, sendMessageInput).then(
    (input) => ({ input }),
    (error: unknown) => ({ error }),
  );
  if ("error" in parsed) {
    await authenticateApiKey(authorization);
    throw parsed.error;
  }
  const { input } = parsed;
  const { auth, context } = await authenticateSend(authorization, input.from);
  return withIdempotency(request, auth.accountId, input, async (recordId) => ({
    status: 202,
    body: await acceptMessage({ accountId: auth.accountId, apiKeyId: auth.apiKeyId }, input, recordId, context),
    stored: true,
  }));
});

export const GET = apiRoute(async ({ request, auth }) =>
  json(await listMessages(auth.accountId, auth.defaultCountry, parseQuery(request, listMessagesQuery))),
);
