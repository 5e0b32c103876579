import { apiRoute } from "@/lib/http/api-route";
import { parseJsonBody } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";
import { listSenderIds } from "@/lib/sender-ids/get-sender-ids";
import { requestSenderId } from "@/lib/sender-ids/request-sender-id";
import { requestSenderIdInput } from "@/lib/sender-ids/schemas";

export const GET = apiRoute(async ({ auth }) => json({ data: await listSenderIds(auth.accountId) }));

export const POST = apiRoute(async ({ request, auth }) => {
  const input = await parseJsonBody(request, requestSenderIdInput);
  return json(await requestSenderId(auth.accountId, input), 201);
});
