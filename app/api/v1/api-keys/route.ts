import { createApiKey } from "@/lib/api-keys/create-api-key";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { createApiKeyInput } from "@/lib/api-keys/schemas";
import { apiRoute } from "@/lib/http/api-route";
import { parseJsonBody } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";

export const GET = apiRoute(async ({ auth }) => json({ data: await listApiKeys(auth.accountId) }));

export const POST = apiRoute(async ({ request, auth }) => {
  const input = await parseJsonBody(request, createApiKeyInput);
  return json(await createApiKey({ accountId: auth.accountId, name: input.name }), 201);
});
