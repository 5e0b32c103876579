import { apiRoute } from "@/lib/http/api-route";
import { parseJsonBody } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";
import { createKeyword, listKeywords } from "@/lib/keywords/manage-keywords";
import { createKeywordInput } from "@/lib/keywords/schemas";

export const GET = apiRoute(async ({ auth }) => json(await listKeywords(auth.accountId)));

export const POST = apiRoute(async ({ request, auth }) => {
  const input = await parseJsonBody(request, createKeywordInput);
  return json(await createKeyword(auth.accountId, input), 201);
});
