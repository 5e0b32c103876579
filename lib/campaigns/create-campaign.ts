import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, fieldError, notFound } from "@/lib/http/errors";
import { loadRateCard } from "@/lib/pricing/get-rate-card";
import { enqueue } from "@/lib/queue/enqueue";
import { reserveCredits } from "@/lib/credits/movements";
import { requireApprovedSenderId } from "@/lib/sender-ids/require-approved-sender-id";
import { estimateCampaignCost, type CampaignEstimate } from "@/lib/campaigns/estimate-campaign-cost";
import { templateFields } from "@/lib/campaigns/personalise";
import type { CreateCampaignInput } from "@/lib/campaigns/schemas";
import { assertCallbackUrlAllowed } from "@/lib/webhooks/destination-policy";

const DAY_MS = 24 * 3600 * 1000;

export interface CreatedCampaign {
  campaignId: string;
  status: "pending_content_check";
  estimatedCost: number;
  recipients: number;
  /** Valid numbers of the list skipped because they opted out. */
  optedOut: number;
  segments: number;
}

async function requireReadyList(accountId: string, listId: string) {
  const list = await db.contactList.findFirst({ where: { id: listId, accountId }, select: { id: true, status: true, fields: true, validCount: true } });
  if (!list) throw notFound("Contact list");
  if (list.status !== "ready") throw fieldError("contact_list_not_ready", "contactListId", "The contact list is still being validated");
  if (list.validCount === 0) throw fieldError("contact_list_not_ready", "contactListId", "The contact list has no valid contacts");
  return list;
}

function checkSendAt(sendAt: Date | undefined, now = new Date()) {
  if (!sendAt) return;
  if (sendAt.getTime() <= now.getTime()) throw new AppError("validation_failed", "sendAt must be in the future", [{ field: "sendAt", message: "must be in the future" }]);
  if (sendAt.getTime() - now.getTime() > env.CAMPAIGN_MAX_SCHEDULE_DAYS * DAY_MS) {
    throw new AppError("validation_failed", `sendAt must be within ${env.CAMPAIGN_MAX_SCHEDULE_DAYS} days`, [
      { field: "sendAt", message: `must be within ${env.CAMPAIGN_MAX_SCHEDULE_DAYS} days` },
    ]);
  }
}

function checkTemplateFields(body: string, available: readonly string[]) {
  const unknown = templateFields(body).filter((field) => !available.includes(field));
  if (unknown.length > 0) {
    throw new AppError("validation_failed", `The contact list has no field ${unknown.map((field) => `{{${field}}}`).join(", ")}`, [
      { field: "body", message: `unknown fields: ${unknown.join(", ")}; available: ${available.join(", ") || "none"}` },
    ]);
  }
}

/** Cost and recipients of a campaign before it is created (the portal's confirmation step). */
export async function previewCampaignCost(accountId: string, listId: string, body: string, maxMessages: number | null = null): Promise<CampaignEstimate> {
  const list = await requireReadyList(accountId, listId);
  checkTemplateFields(body, list.fields);
  return estimateCampaignCost(db, accountId, listId, body, await loadRateCard(accountId), maxMessages);
}

/**
 * `POST /v1/campaigns`: validates, reserves the estimated cost of the whole campaign and hands it
 * to the content worker. The reservation and the campaign row commit together.
 */
export async function createCampaign(accountId: string, input: CreateCampaignInput): Promise<CreatedCampaign> {
  if (input.callbackUrl) assertCallbackUrlAllowed(input.callbackUrl, "callbackUrl");
  const list = await requireReadyList(accountId, input.contactListId);
  await requireApprovedSenderId(accountId, input.from);
  checkSendAt(input.sendAt);
  checkTemplateFields(input.body, list.fields);
  const rateCard = await loadRateCard(accountId);

  const created = await db.$transaction(async (tx) => {
    const estimate = await estimateCampaignCost(tx, accountId, list.id, input.body, rateCard, input.maxMessages ?? null);
    if (estimate.recipients === 0) {
      throw fieldError("contact_list_not_ready", "contactListId", "Every valid contact in the list has opted out");
    }
    const campaign = await tx.campaign.create({
      data: {
        accountId,
        contactListId: list.id,
        name: input.name,
        from: input.from,
        body: input.body,
        sendAt: input.sendAt ?? null,
        priority: input.priority,
        messageClass: input.class ?? "promotional",
        maxMessages: input.maxMessages ?? null,
        recipientsThrough: estimate.recipientsThrough,
        sendRatePerMinute: input.sendRatePerMinute ?? null,
        callbackUrl: input.callbackUrl ?? null,
        callbackEvents: input.callbackEvents ?? [],
        customPayload: input.customPayload === undefined ? undefined : (input.customPayload as object),
        estimatedCost: BigInt(estimate.cost),
        reservedAmount: BigInt(estimate.cost),
        recipientCount: estimate.recipients,
        optedOutCount: estimate.optedOut,
      },
      select: { id: true },
    });
    // A scheduled campaign counts against the daily spend limit of the day it starts (expand-campaign.ts).
    await reserveCredits(tx, accountId, estimate.cost, { campaignId: campaign.id, description: "campaign estimate" }, { countDailySpend: !input.sendAt });
    return { campaignId: campaign.id, estimate };
  });

  await enqueue("smsContent", { campaignId: created.campaignId }, { jobId: `content-${created.campaignId}` });
  return {
    campaignId: created.campaignId,
    status: "pending_content_check",
    estimatedCost: created.estimate.cost,
    recipients: created.estimate.recipients,
    optedOut: created.estimate.optedOut,
    segments: created.estimate.segments,
  };
}
