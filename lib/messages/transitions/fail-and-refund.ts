import { db, Prisma } from "@/lib/db";
import { releaseChargesCtes } from "@/lib/credits/release-charges-sql";
import { recordTallies, statusTallySql } from "@/lib/messages/transitions/status-tally";
import type { TransitionSource } from "@/lib/messages/transitions/update-message-status";

export interface FailedSend {
  messageId: string;
  reason: string;
  /** Facts for the timeline (attempt, provider code, HTTP status, …). */
  data: Record<string, unknown>;
}

/** The final statuses of a message that was accepted but never reached a handset. */
export type UnsentFinalStatus = "failed" | "rejected";

/**
 * The CTEs that end and refund the messages listed by a CTE named `input` (columns id, reason,
 * data), defined by the caller before them: `locked` (rows in id order), `moved` (forward-only
 * update to `status`, the reservation released), `events` (timeline/outbox) and the `releases`
 * and `credits` of lib/credits. Shared by {@link failAndRefund}, {@link rejectAndRefund} and the
 * dead-letter discard.
 */
export function failAndRefundCtes(source: TransitionSource, status: UnsentFinalStatus = "failed"): Prisma.Sql {
  return Prisma.sql`locked AS (
      SELECT m.id, m.charge_state AS old_charge_state FROM messages m WHERE m.id IN (SELECT id FROM input) ORDER BY m.id FOR UPDATE
    ), moved AS (
      UPDATE messages m SET status = ${status}::"MessageStatus", status_reason = i.reason, completed_at = now(), updated_at = now(),
        charge_state = CASE WHEN l.old_charge_state = 'reserved' THEN 'released'::"ChargeState" ELSE m.charge_state END
      FROM input i JOIN locked l ON l.id = i.id
      WHERE m.id = i.id AND message_status_rank(${status}::"MessageStatus") > message_status_rank(m.status)
      RETURNING m.id, m.account_id, m.cost, l.old_charge_state, i.reason, i.data, m.status, m.provider, m.operator, m.message_class
    ), events AS (
      INSERT INTO message_events (message_id, status, reason, source, data)
      SELECT id, ${status}::"MessageStatus", reason, ${source}, data FROM moved
    ),
    ${releaseChargesCtes(Prisma.sql`SELECT id, account_id, cost FROM moved WHERE old_charge_state = 'reserved'`, "Refund: message not sent")}`;
}

/**
 * `failed` with the reason, the reservation released (lib/credits: a `release` ledger row per
 * message and the account's totals moved), for one message or thousands, in one statement.
 * Forward-only: a message already final changes nothing and is not refunded twice, so calling it
 * again is harmless. Returns how many messages failed.
 */
export async function failAndRefund(failures: readonly FailedSend[], source: TransitionSource): Promise<number> {
  return endUnsentAndRefund("failed", failures, source);
}

/**
 * `rejected`: a message refused after it was accepted (the provider refusing its recipient or
 * sender for good, an opt-out, a content re-check; `reason` says which), with the reservation
 * released, exactly as {@link failAndRefund} does. Emits `message.rejected`.
 */
export async function rejectAndRefund(rejections: readonly FailedSend[], source: TransitionSource): Promise<number> {
  return endUnsentAndRefund("rejected", rejections, source);
}

async function endUnsentAndRefund(status: UnsentFinalStatus, failures: readonly FailedSend[], source: TransitionSource): Promise<number> {
  if (failures.length === 0) return 0;
  const [row] = await db.$queryRaw<{ failed: bigint; tally: unknown }[]>`
    WITH input AS (
      SELECT * FROM unnest(${failures.map((item) => item.messageId)}::uuid[], ${failures.map((item) => item.reason)}::text[],
                           ${failures.map((item) => JSON.stringify(item.data))}::jsonb[]) AS t(id, reason, data)
    ), ${failAndRefundCtes(source, status)}
    SELECT (SELECT count(*) FROM moved) AS failed, (SELECT count(*) FROM credits) AS credited, ${statusTallySql("moved")} AS tally`;
  recordTallies(row.tally);
  return Number(row.failed);
}
