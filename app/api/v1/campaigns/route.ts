import { apiRoute } from "@/lib/http/api-route";
import { parseQuery, readJsonBody, validate } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { createCampaignForRecipients } from "@/lib/campaigns/create-campaign-for-recipients";
import { listCampaigns } from "@/lib/campaigns/get-campaigns";
import { createCampaignSchemaFor, listCampaignsQuery } from "@/lib/campaigns/schemas";

/** Room for 10,000 inline recipients in any format we accept. */
const MAX_CAMPAIGN_BODY_BYTES = 1024 * 1024;

export const GET = apiRoute(async ({ request, auth }) => json({ data: await listCampaigns(auth.accountId, parseQuery(request, listCampaignsQuery)) }));

export const POST = apiRoute(async ({ request, auth }) => {
  const body = await readJsonBody(request, MAX_CAMPAIGN_BODY_BYTES);
  const input = validate(createCampaignSchemaFor(body), body);
  const created = "dests" in input ? await createCampaignForRecipients(auth.accountId, input) : await createCampaign(auth.accountId, input);
  return json(created, 202);
});
