import { apiRoute } from "@/lib/http/api-route";
import { parseJsonBody } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";
import { listSenderIds, requestSenderId } from "@/lib/sender-ids/manage-sender-ids";
import { requestSenderIdInput } from "@/lib/sender-ids/schemas";

export const GET = apiRoute(async ({ auth }) => json({ data: await listSenderIds(auth.accountId) }));

export const POST = apiRoute(async ({ request, auth }) => {
  const input = await parseJsonBody(request, requestSenderIdInput);
  return json(await requestSenderId(auth.accountId, input), 201);
});
