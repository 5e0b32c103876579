import { apiRoute } from "@/lib/http/api-route";
import { parseJsonBody, parseQuery } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";
import { listOptOuts, optOutPhone } from "@/lib/opt-outs/manage-opt-outs";
import { listOptOutsQuery, optOutInput } from "@/lib/opt-outs/schemas";

export const GET = apiRoute(async ({ request, auth }) => json(await listOptOuts(auth.accountId, auth.defaultCountry, parseQuery(request, listOptOutsQuery))));

// 201 when the phone was opted in until now, 200 when it already was opted out (recorded again either way).
export const POST = apiRoute(async ({ request, auth }) => {
  const input = await parseJsonBody(request, optOutInput);
  const { optOut, created } = await optOutPhone(auth.accountId, input.phone, auth.defaultCountry, { source: "api", apiKeyId: auth.apiKeyId });
  return json(optOut, created ? 201 : 200);
});
