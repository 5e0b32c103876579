import { Prisma } from "@/lib/db";
import { releaseChargesCtes } from "@/lib/credits/release-charges-sql";

/** The status reason of a message refused because its recipient opted out. */
export const OPTED_OUT_REASON = "opted_out";

/**
 * SQL condition over a message aliased `m`: its recipient has opted out of the account's messages
 * (one lookup on the opt_outs unique index). Automatic replies to an inbound message are exempt:
 * the phone has just written to the account, and the confirmation of its STOP must still reach it.
 */
export const recipientOptedOut = Prisma.sql`(m.in_reply_to_id IS NULL
  AND EXISTS (SELECT 1 FROM opt_outs o WHERE o.account_id = m.account_id AND o.phone = m."to"))`;

/**
 * CTEs of a claim statement that refuse the claimed messages whose recipient opted out after they
 * were created: `rejected` with reason `opted_out`, the reservation released (lib/credits: a
 * `release` row per message, account totals moved once per account) and a `rejected` timeline row,
 * which the webhook relay turns into `message.rejected`. `targets` is the statement's locked
 * relation with columns id, charge_state and opted_out. Forward-only like every transition.
 */
export function rejectOptedOutCtes(targets: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`opted_out AS (
      UPDATE messages m SET status = 'rejected', status_reason = ${OPTED_OUT_REASON}, completed_at = now(), updated_at = now(),
        charge_state = CASE WHEN t.charge_state = 'reserved' THEN 'released'::"ChargeState" ELSE m.charge_state END
      FROM ${targets} t
      WHERE m.id = t.id AND t.opted_out AND message_status_rank('rejected') > message_status_rank(m.status)
      RETURNING m.id, m.account_id, m.cost, t.charge_state AS old_charge_state
    ), opted_out_events AS (
      INSERT INTO message_events (message_id, status, reason, source)
      SELECT id, 'rejected', ${OPTED_OUT_REASON}, 'worker' FROM opted_out
    ),
    ${releaseChargesCtes(Prisma.sql`SELECT id, account_id, cost FROM opted_out WHERE old_charge_state = 'reserved'`, "Refund: recipient opted out")}`;
}
