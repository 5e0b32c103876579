import { apiRoute } from "@/lib/http/api-route";
import { uuidParam } from "@/lib/http/params";
import { json } from "@/lib/http/respond";
import { getCampaign } from "@/lib/campaigns/get-campaigns";

export const GET = apiRoute<{ id: string }>(async ({ auth, params }) => json(await getCampaign(auth.accountId, uuidParam(params.id, "Campaign"))));
