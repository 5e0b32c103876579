import { rotateApiKey } from "@/lib/api-keys/rotate-api-key";
import { rotateApiKeyInput } from "@/lib/api-keys/schemas";
import { apiRoute } from "@/lib/http/api-route";
import { uuidParam } from "@/lib/http/params";
import { parseOptionalJsonBody } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";

// Body optional: `{ "graceHours": 24 }` is the default.
export const POST = apiRoute<{ id: string }>(async ({ request, auth, params }) => {
  const id = uuidParam(params.id, "API key");
  const input = await parseOptionalJsonBody(request, rotateApiKeyInput);
  return json(await rotateApiKey(auth.accountId, id, input.graceHours), 201);
});
