import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { touchStuckMessages } from "@/lib/messages/transitions/touch-stuck-messages";
import { requeueMessageSends } from "@/lib/sending/requeue-sends";

const log = logger.child({ component: "reconciler" });

export interface ReconcileOptions {
  /** Messages untouched for at least this long are considered possibly lost. */
  olderThanSeconds?: number;
  /** Most messages handled per run; the next run takes the rest. */
  limit?: number;
}

export interface ReconcileResult {
  examined: number;
  /** Jobs that had to be created again (the rest were still in Redis and left alone). */
  reenqueued: number;
}

/**
 * Postgres is the source of truth, Redis only carries work: messages that Postgres says are still
 * `submitted` or `queued` long after they should have moved are enqueued again. Each job id is
 * the message id, so a job that still exists (waiting, running, backing off) is left alone and
 * nothing is sent twice; a job that was lost (Redis flushed, enqueue failed after the insert) is
 * recreated, and one left in the failed set without having failed the message (e.g. the database
 * was down for all its attempts) runs again (lib/sending/requeue-sends.ts).
 */
export async function reconcileStuckMessages(options: ReconcileOptions = {}): Promise<ReconcileResult> {
  const olderThanSeconds = options.olderThanSeconds ?? env.RECONCILE_AFTER_SECONDS;
  const limit = options.limit ?? 1_000;
  const stuck = await touchStuckMessages(olderThanSeconds, limit);
  if (stuck.length === 0) return { examined: 0, reenqueued: 0 };

  let reenqueued = 0;
  for (const priority of ["high", "normal"] as const) {
    reenqueued += await requeueMessageSends(
      stuck.filter((row) => row.priority === priority).map((row) => row.id),
      priority,
    );
  }
  if (reenqueued > 0) log.warn("re-enqueued messages whose jobs were lost", { examined: stuck.length, reenqueued });
  return { examined: stuck.length, reenqueued };
}
