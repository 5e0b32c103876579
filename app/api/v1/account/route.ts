import { apiRoute } from "@/lib/http/api-route";
import { parseJsonBody } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";
import { getAccountWithControls, updateAccountControls } from "@/lib/traffic/account-controls";
import { accountControlsPatch } from "@/lib/traffic/schemas";

export const GET = apiRoute(async ({ auth }) => json(await getAccountWithControls(auth.accountId)));

export const PATCH = apiRoute(async ({ request, auth }) => json(await updateAccountControls(auth.accountId, await parseJsonBody(request, accountControlsPatch))));
