import { db } from "@/lib/db";
import { checkContent, formatContentViolations } from "@/lib/content/check-content";
import { releaseCredits } from "@/lib/credits/movements";
import { logger } from "@/lib/logger";
import { loadBlockedWords } from "@/lib/messages/load-blocked-words";
import { announce } from "@/lib/notifications/announce";
import { expandCampaign, type ExpansionResult } from "@/lib/campaigns/expand-campaign";

const log = logger.child({ component: "campaigns.content" });

export type ContentReviewOutcome =
  | { outcome: "skipped" }
  | { outcome: "rejected"; reason: string }
  | { outcome: "scheduled"; sendAt: Date }
  | { outcome: "queued"; expansion: ExpansionResult | null };

function callbackOf(campaign: { id: string; callbackUrl: string | null; callbackEvents: string[]; customPayload: unknown }) {
  return { campaignId: campaign.id, callbackUrl: campaign.callbackUrl, callbackEvents: campaign.callbackEvents, customPayload: campaign.customPayload };
}

/**
 * The `sms.content` worker step: rejected content refunds the whole reservation; approved content
 * is expanded now, or held as `scheduled` until its send time. Every transition is conditional on
 * the campaign still awaiting its check, so a retried job never applies twice.
 */
export async function reviewCampaignContent(campaignId: string): Promise<ContentReviewOutcome> {
  const campaign = await db.campaign.findUnique({
    where: { id: campaignId },
    select: { id: true, accountId: true, name: true, body: true, status: true, sendAt: true, callbackUrl: true, callbackEvents: true, customPayload: true },
  });
  if (!campaign || campaign.status !== "pending_content_check") return { outcome: "skipped" };
  const verdict = checkContent(campaign.body, { blockedWords: await loadBlockedWords(campaign.accountId) });

  if (!verdict.ok) {
    const reason = formatContentViolations(verdict.violations);
    const rejected = await db.$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<{ reserved: bigint }[]>`
        WITH old AS (SELECT id, reserved_amount FROM campaigns WHERE id = ${campaignId}::uuid AND status = 'pending_content_check' FOR UPDATE)
        UPDATE campaigns c SET status = 'rejected', status_reason = ${reason}, reserved_amount = 0, updated_at = now()
        FROM old WHERE c.id = old.id RETURNING old.reserved_amount AS reserved`;
      if (!row) return false;
      await releaseCredits(tx, campaign.accountId, row.reserved, { campaignId, description: "campaign rejected: content" });
      await announce(tx, {
        accountId: campaign.accountId,
        notification: { type: "campaign.rejected", title: `Campaign "${campaign.name}" was rejected`, body: reason, link: `/campaigns/${campaignId}` },
        event: {
          type: "campaign.rejected",
          data: { campaignId, name: campaign.name, status: "rejected", reason, violations: verdict.violations },
          ...callbackOf(campaign),
        },
      });
      return true;
    });
    if (rejected) log.info("campaign rejected by content check", { campaignId });
    return rejected ? { outcome: "rejected", reason } : { outcome: "skipped" };
  }

  if (campaign.sendAt && campaign.sendAt.getTime() > Date.now()) {
    const sendAt = campaign.sendAt;
    const scheduled = await db.$transaction(async (tx) => {
      const updated = await tx.$executeRaw`
        UPDATE campaigns SET status = 'scheduled', updated_at = now() WHERE id = ${campaignId}::uuid AND status = 'pending_content_check'`;
      if (updated === 0) return false;
      await announce(tx, {
        accountId: campaign.accountId,
        event: { type: "campaign.scheduled", data: { campaignId, name: campaign.name, status: "scheduled", sendAt: sendAt.toISOString() }, ...callbackOf(campaign) },
      });
      return true;
    });
    return scheduled ? { outcome: "scheduled", sendAt } : { outcome: "skipped" };
  }

  const claimed = await db.$executeRaw`
    UPDATE campaigns SET status = 'queued', queued_at = now(), updated_at = now()
    WHERE id = ${campaignId}::uuid AND status = 'pending_content_check'`;
  if (claimed === 0) return { outcome: "skipped" };
  return { outcome: "queued", expansion: await expandCampaign(campaignId) };
}
