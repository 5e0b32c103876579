import { apiRoute } from "@/lib/http/api-route";
import { uuidParam } from "@/lib/http/params";
import { parseJsonBody } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";
import { deleteKeyword, getKeyword, updateKeyword } from "@/lib/keywords/manage-keywords";
import { updateKeywordInput } from "@/lib/keywords/schemas";

export const GET = apiRoute<{ id: string }>(async ({ auth, params }) => json(await getKeyword(auth.accountId, uuidParam(params.id, "Keyword"))));

export const PATCH = apiRoute<{ id: string }>(async ({ request, auth, params }) => {
  const id = uuidParam(params.id, "Keyword");
  const input = await parseJsonBody(request, updateKeywordInput);
  return json(await updateKeyword(auth.accountId, id, input));
});

export const DELETE = apiRoute<{ id: string }>(async ({ auth, params }) => {
  await deleteKeyword(auth.accountId, uuidParam(params.id, "Keyword"));
  return new Response(null, { status: 204 });
});
