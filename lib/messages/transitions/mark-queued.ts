import { hotQuery, Prisma } from "@/lib/db";
import { recipientOptedOut, rejectOptedOutCtes } from "@/lib/messages/transitions/reject-opted-out-sql";

/** A message taken for a send attempt. */
export interface ClaimedMessage {
  id: string;
  to: string;
  from: string;
  body: string;
  /** Recipient's country and MNO, for routing. */
  country: string;
  operator: string;
  /** Tries so far, this one included. */
  attempts: number;
}

/**
 * Takes a message for one send attempt: `submitted` or `queued` becomes `queued` with one more
 * attempt, atomically. A message already `sent` or final cannot be claimed, so a job that runs
 * again (a retry racing the reconciler, a replayed dead letter) never sends it a second time.
 * The `queued` event is written only on the first claim; later claims are retries. A message
 * whose recipient has opted out since it was created is not claimed but `rejected` (reason
 * `opted_out`, reservation released) in the same statement.
 */
export async function markQueued(messageId: string): Promise<ClaimedMessage | null> {
  const rows = await hotQuery<ClaimedMessage>("mark_queued", Prisma.sql`
    WITH target AS (
      SELECT m.id, m.status AS previous, m.charge_state, ${recipientOptedOut} AS opted_out FROM messages m
      WHERE m.id = ${messageId}::uuid AND message_status_rank('queued') >= message_status_rank(m.status)
      FOR UPDATE OF m
    ), claimed AS (
      UPDATE messages m SET status = 'queued', attempts = m.attempts + 1, queued_at = COALESCE(m.queued_at, now()), updated_at = now()
      FROM target WHERE m.id = target.id AND NOT target.opted_out
      RETURNING m.id, m."to", m."from", m.body, m.country, m.operator, m.attempts, target.previous
    ), event AS (
      INSERT INTO message_events (message_id, status, source) SELECT id, 'queued', 'worker' FROM claimed WHERE previous = 'submitted'
    ), ${rejectOptedOutCtes(Prisma.sql`target`)}
    SELECT id, "to", "from", body, country, operator, attempts FROM claimed`);
  return rows[0] ?? null;
}

/**
 * Claims a batch's messages for their first attempt in one statement: only messages still
 * `submitted` and untouched since they were created (updated_at = created_at). The reconciler
 * touches a message when it takes it over as a single-message job, and a claim touches it too,
 * so a message is claimed by this batch or by that job, never by both, and a batch job that runs
 * again claims nothing it already took (those messages are left to the reconciler). Messages to
 * recipients who opted out since expansion are rejected and refunded instead, as in markQueued. A
 * message held until `not_before` (re-planned later than its job, docs/traffic-controls.md) is left
 * for the job that was enqueued for its new time.
 */
export async function markBatchQueued(messageIds: readonly string[]): Promise<ClaimedMessage[]> {
  if (messageIds.length === 0) return [];
  return hotQuery<ClaimedMessage>("mark_batch_queued", Prisma.sql`
    WITH target AS (
      SELECT m.id, m.charge_state, ${recipientOptedOut} AS opted_out FROM messages m
      WHERE m.id = ANY(${messageIds}::uuid[]) AND m.status = 'submitted' AND m.updated_at = m.created_at
        AND (m.not_before IS NULL OR m.not_before <= now())
      ORDER BY m.id
      FOR UPDATE OF m
    ), claimed AS (
      UPDATE messages m SET status = 'queued', attempts = m.attempts + 1, queued_at = COALESCE(m.queued_at, now()), updated_at = now()
      FROM target WHERE m.id = target.id AND m.status = 'submitted' AND NOT target.opted_out
      RETURNING m.id, m."to", m."from", m.body, m.country, m.operator, m.attempts
    ), event AS (
      INSERT INTO message_events (message_id, status, source) SELECT id, 'queued', 'worker' FROM claimed
    ), ${rejectOptedOutCtes(Prisma.sql`target`)}
    SELECT id, "to", "from", body, country, operator, attempts FROM claimed`);
}

/**
 * Claims messages the reconciler took over (lib/sending/reconcile-messages.ts) for a batch send:
 * `submitted`, or `queued` by a send that died, and only while they still carry the reconciler's
 * touch (`claimToken`, the updated_at it wrote). Any later claim or touch changes updated_at, so a
 * message is claimed by one takeover at most, never alongside a live send or a newer takeover. The
 * `queued` event is written only for a message never claimed before; opted-out recipients are
 * rejected and refunded as in markQueued.
 */
export async function markTakeoverQueued(messageIds: readonly string[], claimToken: string): Promise<ClaimedMessage[]> {
  if (messageIds.length === 0) return [];
  return hotQuery<ClaimedMessage>("mark_takeover_queued", Prisma.sql`
    WITH target AS (
      SELECT m.id, m.status AS previous, m.charge_state, ${recipientOptedOut} AS opted_out FROM messages m
      WHERE m.id = ANY(${messageIds}::uuid[]) AND m.status IN ('submitted', 'queued') AND m.updated_at = ${claimToken}::timestamptz
        AND (m.not_before IS NULL OR m.not_before <= now())
      ORDER BY m.id
      FOR UPDATE OF m
    ), claimed AS (
      UPDATE messages m SET status = 'queued', attempts = m.attempts + 1, queued_at = COALESCE(m.queued_at, now()), updated_at = now()
      FROM target WHERE m.id = target.id AND m.status IN ('submitted', 'queued') AND m.updated_at = ${claimToken}::timestamptz AND NOT target.opted_out
      RETURNING m.id, m."to", m."from", m.body, m.country, m.operator, m.attempts, target.previous
    ), event AS (
      INSERT INTO message_events (message_id, status, source) SELECT id, 'queued', 'worker' FROM claimed WHERE previous = 'submitted'
    ), ${rejectOptedOutCtes(Prisma.sql`target`)}
    SELECT id, "to", "from", body, country, operator, attempts FROM claimed`);
}
