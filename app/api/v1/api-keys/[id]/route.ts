import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { apiRoute } from "@/lib/http/api-route";
import { json } from "@/lib/http/respond";
import { uuidParam } from "@/lib/http/params";

export const DELETE = apiRoute<{ id: string }>(async ({ auth, params }) =>
  json(await revokeApiKey(auth.accountId, uuidParam(params.id, "API key"))),
);
