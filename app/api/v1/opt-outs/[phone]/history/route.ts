import { apiRoute } from "@/lib/http/api-route";
import { phoneParam } from "@/lib/http/phone-param";
import { json } from "@/lib/http/respond";
import { consentHistory } from "@/lib/opt-outs/manage-opt-outs";

export const GET = apiRoute<{ phone: string }>(async ({ auth, params }) =>
  json(await consentHistory(auth.accountId, phoneParam(params.phone), auth.defaultCountry)),
);
