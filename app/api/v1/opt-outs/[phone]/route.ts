import { apiRoute } from "@/lib/http/api-route";
import { phoneParam } from "@/lib/http/phone-param";
import { json } from "@/lib/http/respond";
import { optInPhone, optOutStatus } from "@/lib/opt-outs/manage-opt-outs";

export const GET = apiRoute<{ phone: string }>(async ({ auth, params }) => json(await optOutStatus(auth.accountId, phoneParam(params.phone), auth.defaultCountry)));

// Opting back in is recorded as a consent event, like the opt-out it ends.
export const DELETE = apiRoute<{ phone: string }>(async ({ auth, params }) =>
  json(await optInPhone(auth.accountId, phoneParam(params.phone), auth.defaultCountry, { source: "api", apiKeyId: auth.apiKeyId })),
);
