import { db } from "@/lib/db";
import type { MessagePriority } from "@/lib/generated/prisma/enums";

export interface StuckMessage {
  id: string;
  priority: MessagePriority;
  /** The touch itself (the updated_at it wrote): a takeover claims the message only while it still carries it. */
  claimToken: string;
}

/**
 * Messages Postgres says are still `submitted` or `queued` long after they should have moved:
 * touching updated_at claims them for one reconciler run, and keeps the next run (or another
 * worker process) from examining the same messages before the threshold passes once more. The
 * status is not changed. Dead-lettered messages wait for an operator or the expiry, not for this;
 * a message held until `not_before` (a paced campaign) is not stuck before then.
 */
export async function touchStuckMessages(olderThanSeconds: number, limit: number): Promise<StuckMessage[]> {
  return db.$queryRaw`
    UPDATE messages SET updated_at = now()
    WHERE id IN (
      SELECT id FROM messages
      WHERE status IN ('submitted', 'queued') AND updated_at < now() - make_interval(secs => ${olderThanSeconds})
        AND NOT EXISTS (SELECT 1 FROM message_dead_letters d WHERE d.message_id = messages.id AND d.resolved_at IS NULL)
        AND (not_before IS NULL OR not_before < now() - make_interval(secs => ${olderThanSeconds}))
      ORDER BY updated_at LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, priority::text AS priority, updated_at::text AS "claimToken"`;
}
