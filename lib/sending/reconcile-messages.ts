import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { type StuckMessage, touchStuckMessages } from "@/lib/messages/transitions/touch-stuck-messages";
import { withoutLiveJob } from "@/lib/sending/requeue-sends";
import { enqueueTakeoverBatches } from "@/lib/sending/send-batch";

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
 * `submitted` or `queued` long after they should have moved (their job was lost with Redis, their
 * worker died holding them, the enqueue failed after the insert) are taken over. A message whose
 * own single-message job still exists (waiting, running, backing off) is left to it; the others go
 * out again as takeover batch jobs (lib/sending/send-batch.ts), which claim a message only while it
 * still carries this run's touch, so a live send or a newer takeover always wins and nothing is
 * sent twice by us.
 */
export async function reconcileStuckMessages(options: ReconcileOptions = {}): Promise<ReconcileResult> {
  const olderThanSeconds = options.olderThanSeconds ?? env.RECONCILE_AFTER_SECONDS;
  const limit = options.limit ?? 5_000;
  const stuck = await touchStuckMessages(olderThanSeconds, limit);
  if (stuck.length === 0) return { examined: 0, reenqueued: 0 };

  let reenqueued = 0;
  // One touch statement wrote one updated_at, but group by it all the same: the claim compares it exactly.
  const byTouch = new Map<string, StuckMessage[]>();
  for (const row of stuck) {
    const key = `${row.priority}\n${row.claimToken}`;
    const rows = byTouch.get(key);
    if (rows) rows.push(row);
    else byTouch.set(key, [row]);
  }
  for (const rows of byTouch.values()) {
    const { priority, claimToken } = rows[0];
    const missing = await withoutLiveJob(rows.map((row) => row.id), priority);
    await enqueueTakeoverBatches(missing, priority, claimToken);
    reenqueued += missing.length;
  }
  if (reenqueued > 0) log.warn("took over messages whose sends were lost", { examined: stuck.length, reenqueued });
  return { examined: stuck.length, reenqueued };
}
