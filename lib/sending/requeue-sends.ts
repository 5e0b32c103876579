import { idsWithoutLiveJob } from "@/lib/queue/enqueue";
import { enqueueMessageSends, sendQueueFor } from "@/lib/sending/send-jobs";
import type { MessagePriority } from "@/lib/generated/prisma/enums";

/**
 * The messages among `messageIds` that have no send job of their own (job id = message id) still
 * waiting, running or backing off; one left in the failed set is removed, so the message can run
 * again.
 */
export async function withoutLiveJob(messageIds: readonly string[], priority: MessagePriority): Promise<string[]> {
  return idsWithoutLiveJob(sendQueueFor(priority), messageIds);
}

/**
 * Enqueues single-message send jobs again for messages Postgres says still wait to be sent (a
 * dead-letter replay). A job that still exists is left alone, so nothing is sent twice. Returns how
 * many jobs were created.
 */
export async function requeueMessageSends(messageIds: readonly string[], priority: MessagePriority): Promise<number> {
  if (messageIds.length === 0) return 0;
  const missing = await withoutLiveJob(messageIds, priority);
  await enqueueMessageSends(missing, priority);
  return missing.length;
}
