import { getAccountSummary } from "@/lib/accounts/get-account";
import { apiRoute } from "@/lib/http/api-route";
import { json } from "@/lib/http/respond";

export const GET = apiRoute(async ({ auth }) => json(await getAccountSummary(auth.accountId)));
