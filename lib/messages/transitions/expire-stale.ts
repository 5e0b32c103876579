import { db, Prisma } from "@/lib/db";
import { captureChargesCtes } from "@/lib/credits/capture-charges-sql";
import { env } from "@/lib/env";
import { recordTallies, statusTallySql } from "@/lib/messages/transitions/status-tally";

export const EXPIRY_REASON = "no_final_delivery_report";

/**
 * Closes messages the provider accepted but never settled: `sent` for longer than the window
 * (DLR_EXPIRY_HOURS) becomes `expired`, and — being accepted by the provider — is charged.
 * One statement per chunk, same shape as the DLR batch (lock, forward-only update, timeline/outbox,
 * ledger capture, account totals); SKIP LOCKED lets several workers sweep side by side.
 */
export async function expireStaleMessages(options: { olderThanHours?: number; limit?: number; onlyIds?: readonly string[] } = {}): Promise<number> {
  const hours = options.olderThanHours ?? env.DLR_EXPIRY_HOURS;
  const limit = options.limit ?? 5_000;
  if (options.onlyIds && options.onlyIds.length === 0) return 0;
  // The sweep after a pull (lib/dlr/pull-missing-reports.ts) expires only the messages it asked about.
  const only = options.onlyIds ? Prisma.sql`AND id = ANY(${options.onlyIds as string[]}::uuid[])` : Prisma.empty;
  const rows = await db.$queryRaw<{ expired: bigint; tally: unknown }[]>(Prisma.sql`
    WITH locked AS (
      SELECT id, charge_state AS old_charge_state FROM messages
      WHERE status = 'sent' AND COALESCE(sent_at, updated_at) < now() - make_interval(hours => ${hours}::int) ${only}
      ORDER BY id LIMIT ${limit}::int
      FOR UPDATE SKIP LOCKED
    ),
    changed AS (
      UPDATE messages m SET status = 'expired', status_reason = ${EXPIRY_REASON}, completed_at = now(),
        charge_state = CASE WHEN l.old_charge_state = 'reserved' THEN 'captured'::"ChargeState" ELSE m.charge_state END,
        updated_at = now()
      FROM locked l
      WHERE m.id = l.id AND message_status_rank('expired') > message_status_rank(m.status)
      RETURNING m.id, m.account_id, m.campaign_id, m.cost, l.old_charge_state, m.status, m.provider, m.operator, m.message_class, m.sent_at
    ),
    events AS (
      INSERT INTO message_events (message_id, status, reason, source)
      SELECT id, 'expired', ${EXPIRY_REASON}, 'sweeper' FROM changed
      RETURNING id
    ),
    ${captureChargesCtes(
      Prisma.sql`SELECT id, account_id, campaign_id, cost FROM changed WHERE old_charge_state = 'reserved'`,
      "Charged: expired without final delivery report",
    )}
    SELECT (SELECT count(*) FROM changed) AS expired, (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM debits) AS debits,
           ${statusTallySql("changed", "sent_at")} AS tally`);
  recordTallies(rows[0].tally);
  return Number(rows[0].expired);
}
