import { db } from "@/lib/db";
import { notFound } from "@/lib/http/errors";

export interface DeliveryPoint {
  /** Start of the interval (UTC). */
  at: Date;
  delivered: number;
  failed: number;
  /** Delivered share of every message finished so far, 0..100. */
  cumulativeRate: number;
}

export type TimelineUnit = "minute" | "hour" | "day";

/**
 * A campaign's finished messages over time (by the time they reached their final status), in
 * minutes, hours or days depending on how long it has run: what the delivery-rate chart draws.
 */
export async function campaignDeliveryTimeline(accountId: string, campaignId: string): Promise<{ unit: TimelineUnit; points: DeliveryPoint[] }> {
  const campaign = await db.campaign.findFirst({ where: { id: campaignId, accountId }, select: { id: true } });
  if (!campaign) throw notFound("Campaign");
  const [span] = await db.$queryRaw<{ first: Date | null; last: Date | null }[]>`
    SELECT min(updated_at) AS first, max(updated_at) AS last FROM messages
    WHERE campaign_id = ${campaignId}::uuid AND status IN ('delivered', 'failed', 'expired', 'undeliverable', 'rejected')`;
  if (!span.first || !span.last) return { unit: "minute", points: [] };
  const hours = (span.last.getTime() - span.first.getTime()) / 3_600_000;
  const unit: TimelineUnit = hours <= 3 ? "minute" : hours <= 72 ? "hour" : "day";
  const rows = await db.$queryRaw<{ at: Date; delivered: bigint; failed: bigint }[]>`
    SELECT date_trunc(${unit}, updated_at) AS at,
           count(*) FILTER (WHERE status = 'delivered') AS delivered,
           count(*) FILTER (WHERE status <> 'delivered') AS failed
    FROM messages
    WHERE campaign_id = ${campaignId}::uuid AND status IN ('delivered', 'failed', 'expired', 'undeliverable', 'rejected')
    GROUP BY 1 ORDER BY 1`;
  let delivered = 0;
  let finished = 0;
  const points = rows.map((row) => {
    delivered += Number(row.delivered);
    finished += Number(row.delivered) + Number(row.failed);
    return { at: row.at, delivered: Number(row.delivered), failed: Number(row.failed), cumulativeRate: Math.round((delivered / finished) * 1000) / 10 };
  });
  return { unit, points };
}
