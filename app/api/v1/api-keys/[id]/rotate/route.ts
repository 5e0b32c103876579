import { rotateApiKey } from "@/lib/api-keys/rotate-api-key";
import { rotateApiKeyInput } from "@/lib/api-keys/schemas";
import { apiRoute } from "@/lib/http/api-route";
import { uuidParam } from "@/lib/http/params";
import { isJsonContentType, parseJsonBody } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";

export const POST = apiRoute<{ id: string }>(async ({ request, auth, params }) => {
  const input = isJsonContentType(request) ? await parseJsonBody(request, rotateApiKeyInput) : rotateApiKeyInput.parse({});
  return json(await rotateApiKey(auth.accountId, uuidParam(params.id, "API key"), input.graceHours), 201);
});
