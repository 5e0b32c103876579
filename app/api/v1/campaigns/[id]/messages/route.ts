import { apiRoute } from "@/lib/http/api-route";
import { uuidParam } from "@/lib/http/params";
import { parseQuery } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";
import { listCampaignMessages } from "@/lib/campaigns/get-campaigns";
import { listCampaignMessagesQuery } from "@/lib/campaigns/schemas";

export const GET = apiRoute<{ id: string }>(async ({ request, auth, params }) =>
  json(await listCampaignMessages(auth.accountId, uuidParam(params.id, "Campaign"), parseQuery(request, listCampaignMessagesQuery))),
);
