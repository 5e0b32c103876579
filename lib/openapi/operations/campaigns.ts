import type { ZodOpenApiPathsObject } from "zod-openapi";
import { campaignDetail, campaignList, campaignMessagePage, cancelledCampaign, createdCampaign } from "@/lib/campaigns/responses";
import { createCampaignRequest, listCampaignMessagesQuery, listCampaignsQuery } from "@/lib/campaigns/schemas";
import { apiOperation, uuidPath } from "@/lib/openapi/operation";

export const campaignPaths: ZodOpenApiPathsObject = {
  "/v1/campaigns": {
    get: apiOperation({ operationId: "listCampaigns", tag: "Campaigns", summary: "List campaigns", query: listCampaignsQuery, success: { status: 200, description: "Campaigns, newest first", schema: campaignList } }),
    post: apiOperation({
      operationId: "createCampaign",
      tag: "Campaigns",
      summary: "Create a campaign",
      description:
        "Sends `body` to every valid contact of a ready contact list (`contactListId`), or to numbers given inline (`dests`, up to 10,000, stored as a contact list of their own), now or at `sendAt`. `maxMessages` caps the recipients, `sendRatePerMinute` paces the sends, `class` (default `promotional`) decides whether quiet hours hold them. The estimate is reserved at once; 402 when it exceeds the balance or the daily spend limit.",
      body: createCampaignRequest,
      errors: [402, 404],
      success: { status: 202, description: "Accepted; the content check runs next", schema: createdCampaign },
    }),
  },
  "/v1/campaigns/{id}": {
    get: apiOperation({ operationId: "getCampaign", tag: "Campaigns", summary: "Get a campaign", path: uuidPath("id"), success: { status: 200, description: "The campaign and its progress", schema: campaignDetail } }),
  },
  "/v1/campaigns/{id}/cancel": {
    patch: apiOperation({
      operationId: "cancelCampaign",
      tag: "Campaigns",
      summary: "Cancel a scheduled campaign",
      description: "Refunds its reservation; 409 once the scheduler has claimed it.",
      path: uuidPath("id"),
      errors: [409],
      success: { status: 200, description: "Cancelled", schema: cancelledCampaign },
    }),
  },
  "/v1/campaigns/{id}/messages": {
    get: apiOperation({
      operationId: "listCampaignMessages",
      tag: "Campaigns",
      summary: "List a campaign's messages",
      path: uuidPath("id"),
      query: listCampaignMessagesQuery,
      success: { status: 200, description: "One page of the campaign's messages", schema: campaignMessagePage },
    }),
  },
};
