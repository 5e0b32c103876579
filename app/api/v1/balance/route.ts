import { getBalance } from "@/lib/credits/get-balance";
import { apiRoute } from "@/lib/http/api-route";
import { json } from "@/lib/http/respond";

export const GET = apiRoute(async ({ auth }) => json(await getBalance(auth.accountId)));
