import { getQueue } from "@/lib/queue/enqueue";
import { enqueueMessageSends, sendQueueFor } from "@/lib/sending/send-jobs";
import type { MessagePriority } from "@/lib/generated/prisma/enums";

/**
 * Enqueues send jobs again for messages Postgres says still wait to be sent (the reconciler, a
 * dead-letter replay). A job that still exists (waiting, running, backing off) is left alone, so
 * nothing is sent twice; one left in the failed set is removed first so the message can run
 * again. Returns how many jobs were created.
 */
export async function requeueMessageSends(messageIds: readonly string[], priority: MessagePriority): Promise<number> {
  if (messageIds.length === 0) return 0;
  const queue = getQueue(sendQueueFor(priority));
  const missing: string[] = [];
  for (const id of messageIds) {
    const job = await queue.getJob(id);
    if (!job) {
      missing.push(id);
    } else if (await job.isFailed()) {
      await job.remove();
      missing.push(id);
    }
  }
  await enqueueMessageSends(missing, priority);
  return missing.length;
}
