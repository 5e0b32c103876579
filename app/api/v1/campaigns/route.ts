import { apiRoute } from "@/lib/http/api-route";
import { parseJsonBody, parseQuery } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { listCampaigns } from "@/lib/campaigns/get-campaigns";
import { createCampaignInput, listCampaignsQuery } from "@/lib/campaigns/schemas";

export const GET = apiRoute(async ({ request, auth }) => json({ data: await listCampaigns(auth.accountId, parseQuery(request, listCampaignsQuery)) }));

export const POST = apiRoute(async ({ request, auth }) => {
  const input = await parseJsonBody(request, createCampaignInput);
  return json(await createCampaign(auth.accountId, input), 202);
});
