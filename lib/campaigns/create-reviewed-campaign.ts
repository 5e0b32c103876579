import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/http/errors";
import { createCampaign, previewCampaignCost, type CreatedCampaign } from "@/lib/campaigns/create-campaign";
import type { CreateCampaignInput } from "@/lib/campaigns/schemas";

/** The wizard's review step as the page shows it, and what its confirmation must match. */
export interface ReviewedEstimateView {
  /** Names this review; the confirmation echoes it. */
  reviewId: string;
  contactListId: string;
  body: string;
  /** The cap as typed ("" for none). */
  maxMessages: string;
  recipients: number;
  optedOut: number;
  segments: number;
  encoding: string;
  cost: number;
}

/** What the customer confirmed: the recipients and price of the estimate shown. */
export interface ConfirmedEstimate {
  recipients: number;
  cost: number;
}

export const ESTIMATE_CHANGED_MESSAGE = "The recipients or the price changed since you reviewed them. Review the cost again.";

/** Prices a campaign for the review step. */
export async function reviewCampaignEstimate(
  accountId: string,
  input: { contactListId: string; body: string; maxMessages?: number },
  maxMessagesText: string,
): Promise<ReviewedEstimateView> {
  const estimate = await previewCampaignCost(accountId, input.contactListId, input.body, input.maxMessages ?? null);
  return {
    reviewId: randomUUID(),
    contactListId: input.contactListId,
    body: input.body,
    maxMessages: maxMessagesText,
    recipients: estimate.recipients,
    optedOut: estimate.optedOut,
    segments: estimate.segments,
    encoding: estimate.encoding,
    cost: estimate.cost,
  };
}

/**
 * Creates the campaign the customer confirmed: it is priced again over the submitted list, text and
 * cap, and refused (409, on `estimate`) when that is not the estimate they saw, so a confirmation
 * never creates a campaign for other recipients or at another price than the one reviewed.
 */
export async function createReviewedCampaign(accountId: string, input: CreateCampaignInput, confirmed: ConfirmedEstimate): Promise<CreatedCampaign> {
  const current = await previewCampaignCost(accountId, input.contactListId, input.body, input.maxMessages ?? null);
  if (current.recipients !== confirmed.recipients || current.cost !== confirmed.cost) {
    throw new AppError("conflict", ESTIMATE_CHANGED_MESSAGE, [{ field: "estimate", message: ESTIMATE_CHANGED_MESSAGE }]);
  }
  return createCampaign(accountId, input);
}
