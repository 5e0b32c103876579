import { apiRoute } from "@/lib/http/api-route";
import { uuidParam } from "@/lib/http/params";
import { json } from "@/lib/http/respond";
import { cancelCampaign } from "@/lib/campaigns/schedule-campaigns";

/** Cancels a scheduled campaign and refunds its reservation; 409 once the scheduler has claimed it. */
export const PATCH = apiRoute<{ id: string }>(async ({ auth, params }) => json(await cancelCampaign(auth.accountId, uuidParam(params.id, "Campaign"))));
