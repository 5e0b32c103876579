import { db } from "@/lib/db";
import { releaseCredits } from "@/lib/credits/movements";
import { AppError, notFound } from "@/lib/http/errors";
import { logger } from "@/lib/logger";
import { announce } from "@/lib/notifications/announce";
import { enqueue, enqueueBulk } from "@/lib/queue/enqueue";

const log = logger.child({ component: "campaigns.scheduler" });

/** Campaigns claimed per tick; the rest wait for the next one, so a tick stays short. */
const CLAIM_BATCH = 100;
/** A claimed campaign still holding its reservation (or mid-expansion) untouched this long lost its expansion job. */
const STALLED_AFTER_SECONDS = 120;

function expansionJob(campaignId: string) {
  return { payload: { campaignId }, options: { jobId: `expand-${campaignId}` } };
}

/**
 * Claims due scheduled campaigns atomically: the conditional UPDATE lets exactly one caller move a
 * campaign to `queued`, however many workers tick at once or a cancel races it. Each claimed
 * campaign gets its own expansion job, so big campaigns expand in parallel on many workers.
 */
export async function claimDueCampaigns(limit = CLAIM_BATCH): Promise<string[]> {
  const claimed = await db.$queryRaw<{ id: string }[]>`
    UPDATE campaigns SET status = 'queued', queued_at = now(), updated_at = now()
    WHERE id IN (SELECT id FROM campaigns WHERE status = 'scheduled' AND send_at <= now() ORDER BY send_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
      AND status = 'scheduled' AND send_at <= now()
    RETURNING id`;
  const ids = claimed.map((row) => row.id);
  if (ids.length > 0) {
    await enqueueBulk("campaignsSchedule", ids.map(expansionJob));
    log.info("claimed due campaigns", { count: ids.length });
  }
  return ids;
}

/**
 * Re-enqueues work whose job was lost (Redis flushed, worker killed): claimed campaigns still
 * holding their reservation and campaigns still awaiting the content check. Expansion and review
 * are conditional, so a duplicate job does nothing.
 */
export async function resumeStalledCampaigns(): Promise<number> {
  const stalled = await db.$queryRaw<{ id: string; status: string }[]>`
    SELECT id, status::text AS status FROM campaigns
    WHERE ((status = 'queued' AND (reserved_amount > 0 OR cardinality(expansion_cursors) > 0)) OR status = 'pending_content_check')
      AND updated_at < now() - make_interval(secs => ${STALLED_AFTER_SECONDS})
    LIMIT 1000`;
  const expand = stalled.filter((row) => row.status === "queued").map((row) => expansionJob(row.id));
  await enqueueBulk("campaignsSchedule", expand);
  for (const row of stalled.filter((candidate) => candidate.status === "pending_content_check")) {
    await enqueue("smsContent", { campaignId: row.id }, { jobId: `content-${row.id}` });
  }
  return stalled.length;
}

/**
 * Marks expanded campaigns `completed` once none of their messages can still change (checked
 * through the (campaign_id, status) index) and emits `campaign.completed`.
 */
export async function completeFinishedCampaigns(): Promise<string[]> {
  const candidates = await db.$queryRaw<{ id: string }[]>`
    SELECT c.id FROM campaigns c
    WHERE c.status = 'queued' AND c.reserved_amount = 0 AND cardinality(c.expansion_cursors) = 0
      AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.campaign_id = c.id AND m.status IN ('submitted', 'queued', 'sent'))
    LIMIT 500`;
  const completed: string[] = [];
  for (const { id } of candidates) {
    const done = await db.$transaction(async (tx) => {
      const [campaign] = await tx.$queryRaw<
        { account_id: string; name: string; callback_url: string | null; callback_events: string[]; custom_payload: unknown }[]
      >`
        UPDATE campaigns SET status = 'completed', completed_at = now(), updated_at = now()
        WHERE id = ${id}::uuid AND status = 'queued' AND reserved_amount = 0 AND cardinality(expansion_cursors) = 0
          AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.campaign_id = ${id}::uuid AND m.status IN ('submitted', 'queued', 'sent'))
        RETURNING account_id, name, callback_url, callback_events, custom_payload`;
      if (!campaign) return false;
      const counts = await tx.$queryRaw<{ status: string; count: bigint; cost: bigint }[]>`
        SELECT status::text AS status, count(*) AS count, COALESCE(sum(cost) FILTER (WHERE charge_state = 'captured'), 0)::bigint AS cost
        FROM messages WHERE campaign_id = ${id}::uuid GROUP BY status`;
      const byStatus = Object.fromEntries(counts.map((row) => [row.status, Number(row.count)]));
      const spent = counts.reduce((sum, row) => sum + Number(row.cost), 0);
      await announce(tx, {
        accountId: campaign.account_id,
        notification: {
          type: "campaign.completed",
          title: `Campaign "${campaign.name}" has finished`,
          body: `${byStatus.delivered ?? 0} delivered, ${(byStatus.failed ?? 0) + (byStatus.undeliverable ?? 0) + (byStatus.expired ?? 0) + (byStatus.rejected ?? 0)} not delivered`,
          link: `/campaigns/${id}`,
        },
        event: {
          type: "campaign.completed",
          data: { campaignId: id, name: campaign.name, status: "completed", counts: byStatus, spent },
          campaignId: id,
          callbackUrl: campaign.callback_url,
          callbackEvents: campaign.callback_events,
          customPayload: campaign.custom_payload,
        },
      });
      return true;
    });
    if (done) completed.push(id);
  }
  return completed;
}

/**
 * `PATCH /v1/campaigns/:id/cancel`: only a `scheduled` campaign can be cancelled. The status guard
 * makes cancel and the scheduler's claim mutually exclusive: whichever commits first wins and the
 * other changes nothing (cancel then answers 409).
 */
export async function cancelCampaign(accountId: string, campaignId: string) {
  const cancelled = await db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ reserved: bigint; name: string; callback_url: string | null; callback_events: string[]; custom_payload: unknown }[]>`
      WITH old AS (
        SELECT id, reserved_amount FROM campaigns
        WHERE id = ${campaignId}::uuid AND account_id = ${accountId}::uuid AND status = 'scheduled' FOR UPDATE
      )
      UPDATE campaigns c SET status = 'cancelled', cancelled_at = now(), reserved_amount = 0, updated_at = now()
      FROM old WHERE c.id = old.id AND c.status = 'scheduled'
      RETURNING old.reserved_amount AS reserved, c.name, c.callback_url, c.callback_events, c.custom_payload`;
    if (!row) return null;
    await releaseCredits(tx, accountId, row.reserved, { campaignId, description: "campaign cancelled" });
    await announce(tx, {
      accountId,
      event: {
        type: "campaign.cancelled",
        data: { campaignId, name: row.name, status: "cancelled", refunded: Number(row.reserved) },
        campaignId,
        callbackUrl: row.callback_url,
        callbackEvents: row.callback_events,
        customPayload: row.custom_payload,
      },
    });
    return { campaignId, status: "cancelled" as const, refunded: Number(row.reserved) };
  });
  if (cancelled) return cancelled;
  const existing = await db.campaign.findFirst({ where: { id: campaignId, accountId }, select: { status: true } });
  if (!existing) throw notFound("Campaign");
  throw new AppError("invalid_state", `A ${existing.status} campaign cannot be cancelled; only scheduled campaigns can`);
}
