import { hotQuery, Prisma } from "@/lib/db";
import { insertSendAttemptsSql, recordSendAttempts, type SendAttemptRow } from "@/lib/messages/transitions/record-send-attempts";
import { recordTallies, statusTallySql } from "@/lib/messages/transitions/status-tally";

export interface AcceptedByProvider {
  messageId: string;
  providerMessageId: string;
  /** The attempt that got through, recorded on the timeline. */
  attempt: number;
  /** The provider that accepted it, when not the one `markSent` was called with (routed sends). */
  provider?: string;
}

/**
 * `sent` with the provider's ids and one timeline row each, forward-only, in one statement (one
 * message or a whole batch), together with the submission's `attempts` rows (failed ones of the
 * same submission included). One statement, because a worker that died between recording "the
 * provider accepted it" and `sent` left a message that looked unsent, and it was submitted again.
 * Rows are locked in id order so concurrent batches queue instead of deadlocking. Returns how many
 * messages moved; the rest had already moved on.
 */
export async function markSent(provider: string, accepted: readonly AcceptedByProvider[], attempts: readonly SendAttemptRow[] = []): Promise<number> {
  if (accepted.length === 0) {
    await recordSendAttempts(attempts);
    return 0;
  }
  const [row] = await hotQuery<{ moved: string; tally: unknown }>("mark_sent", Prisma.sql`
    WITH attempts AS (${insertSendAttemptsSql(attempts)}
    ), input AS (
      SELECT * FROM unnest(${accepted.map((item) => item.messageId)}::uuid[], ${accepted.map((item) => item.providerMessageId)}::text[],
                           ${accepted.map((item) => item.attempt)}::int[], ${accepted.map((item) => item.provider ?? provider)}::text[])
                    AS t(id, provider_message_id, attempt, provider)
    ), locked AS (
      SELECT id FROM messages WHERE id IN (SELECT id FROM input) ORDER BY id FOR UPDATE
    ), moved AS (
      UPDATE messages m SET status = 'sent', provider = i.provider, provider_message_id = i.provider_message_id, sent_at = now(), updated_at = now()
      FROM input i JOIN locked l ON l.id = i.id
      WHERE m.id = i.id AND message_status_rank('sent') > message_status_rank(m.status)
      RETURNING m.id, i.provider_message_id, i.attempt, m.status, m.provider, m.operator, m.message_class, m.created_at
    ), events AS (
      INSERT INTO message_events (message_id, status, source, data)
      SELECT id, 'sent', 'worker', jsonb_build_object('attempt', attempt, 'provider', provider, 'providerMessageId', provider_message_id) FROM moved
    )
    SELECT count(*) AS moved, ${statusTallySql("moved", "created_at")} AS tally FROM moved`);
  recordTallies(row.tally);
  return Number(row.moved);
}
