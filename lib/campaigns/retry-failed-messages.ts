import { db, Prisma } from "@/lib/db";
import { reserveCredits } from "@/lib/credits/movements";
import { AppError, notFound } from "@/lib/http/errors";
import type { MessageClass, MessagePriority } from "@/lib/generated/prisma/enums";
import { createRenderedCampaignMessages } from "@/lib/messages/transitions/create-campaign-messages";
import { recordTallies } from "@/lib/messages/transitions/status-tally";
import { loadRateCard } from "@/lib/pricing/get-rate-card";
import { enqueueMessageBatches } from "@/lib/sending/send-batch";

/** Final statuses a retry sends again; `rejected` (refused before sending: content, opt-out) is not retried. */
export const RETRYABLE_STATUSES = ["failed", "expired", "undeliverable"] as const;

export interface RetryOutcome {
  messages: number;
  cost: number;
}

interface FailedRecipient {
  to: string;
  body: string;
  encoding: string;
  segments: number;
  country: string;
  operator: string;
}

/**
 * The campaign's recipients whose latest message ended failed, expired or undeliverable (an
 * earlier retry that is still under way or delivered is not sent again), who have not opted out since.
 */
function failedRecipients(campaignId: string, accountId: string) {
  return Prisma.sql`
    SELECT latest."to", latest.body, latest.encoding::text AS encoding, latest.segments, latest.country, latest.operator
    FROM (SELECT DISTINCT ON ("to") "to", body, encoding, segments, country, operator, status
          FROM messages WHERE campaign_id = ${campaignId}::uuid ORDER BY "to", created_at DESC, id DESC) latest
    WHERE latest.status IN ('failed', 'expired', 'undeliverable') AND latest.country IS NOT NULL AND latest.operator IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM opt_outs o WHERE o.account_id = ${accountId}::uuid AND o.phone = latest."to")
    ORDER BY latest."to"`;
}

/** How many recipients "Retry failed messages" would send to again. */
export async function countRetryableRecipients(accountId: string, campaignId: string): Promise<number> {
  const [row] = await db.$queryRaw<{ count: bigint }[]>`SELECT count(*) AS count FROM (${failedRecipients(campaignId, accountId)}) f`;
  return Number(row.count);
}

/**
 * Sends a finished campaign's failed messages again: one new `submitted` message per recipient whose
 * latest message failed, with the same text, priced at today's rates and reserved from the balance
 * in the same transaction (402 when it does not cover them), then enqueued. The campaign keeps its
 * status; its message count grows.
 */
export async function retryFailedMessages(accountId: string, campaignId: string): Promise<RetryOutcome> {
  const rateCard = await loadRateCard(accountId);
  const created = await db.$transaction(async (tx) => {
    const [campaign] = await tx.$queryRaw<
      { id: string; account_id: string; from: string; priority: MessagePriority; message_class: MessageClass; callback_url: string | null; callback_events: string[]; custom_payload: unknown; status: string }[]
    >`
      SELECT id::text AS id, account_id::text AS account_id, "from", priority, message_class, callback_url, callback_events, custom_payload, status::text AS status
      FROM campaigns WHERE id = ${campaignId}::uuid AND account_id = ${accountId}::uuid FOR NO KEY UPDATE`;
    if (!campaign) throw notFound("Campaign");
    if (campaign.status !== "completed") {
      throw new AppError("conflict", "Only a finished campaign's failed messages can be retried.");
    }
    const recipients = await tx.$queryRaw<FailedRecipient[]>(failedRecipients(campaignId, accountId));
    if (recipients.length === 0) throw new AppError("conflict", "This campaign has no failed messages to retry.");
    const messages = recipients.map((recipient) => ({ ...recipient, cost: recipient.segments * rateCard.rateFor(recipient.country, recipient.operator) }));
    const cost = messages.reduce((total, message) => total + message.cost, 0);
    await reserveCredits(tx, accountId, cost, { campaignId, description: `campaign retry: ${messages.length} failed messages` });
    const inserted = await createRenderedCampaignMessages(tx, campaign, messages);
    await tx.$executeRaw`UPDATE campaigns SET message_count = message_count + ${inserted.ids.length}, updated_at = now() WHERE id = ${campaignId}::uuid`;
    return { ...inserted, priority: campaign.priority };
  });
  recordTallies(created.tally);
  await enqueueMessageBatches(created.ids, created.priority);
  return { messages: created.ids.length, cost: Number(created.cost) };
}
