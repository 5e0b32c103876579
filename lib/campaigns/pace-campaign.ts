import { type Transaction } from "@/lib/db";
import type { MessagePriority } from "@/lib/generated/prisma/enums";
import { setMessagesNotBefore } from "@/lib/messages/transitions/pace-messages";
import { enqueueBulk } from "@/lib/queue/enqueue";
import { SEND_BATCH_MAX_MESSAGES } from "@/lib/sending/send-batch";
import { sendQueueFor } from "@/lib/sending/send-jobs";

/**
 * A paced campaign (`sendRatePerMinute`): the campaign's n-th message (0-based, in the order chunks
 * commit) goes out at start + n × 60 s / rate. Times are fixed from the campaign's start, so a
 * resumed expansion continues the same schedule.
 */
export function pacedSendTimes(start: Date, firstIndex: number, count: number, ratePerMinute: number): Date[] {
  return Array.from({ length: count }, (_, offset) => new Date(start.getTime() + Math.floor(((firstIndex + offset) * 60_000) / ratePerMinute)));
}

/** Records the chunk's send times on its messages (in the chunk's transaction). */
export async function paceChunk(tx: Transaction, ids: readonly string[], sendTimes: readonly Date[]): Promise<void> {
  await setMessagesNotBefore(tx, ids.map((id, index) => ({ id, notBefore: sendTimes[index] })));
}

/**
 * Enqueues a paced chunk as delayed batch jobs: the messages due in the same second share one job
 * (at most SEND_BATCH_MAX_MESSAGES), delayed until that second.
 */
export async function enqueuePacedBatches(ids: readonly string[], sendTimes: readonly Date[], priority: MessagePriority, now = Date.now()): Promise<number> {
  const jobs: { payload: { messageIds: string[] }; options: { delay: number } }[] = [];
  let current: { second: number; messageIds: string[] } | null = null;
  ids.forEach((id, index) => {
    const second = Math.floor(sendTimes[index].getTime() / 1000);
    if (!current || current.second !== second || current.messageIds.length >= SEND_BATCH_MAX_MESSAGES) {
      current = { second, messageIds: [] };
      jobs.push({ payload: { messageIds: current.messageIds }, options: { delay: Math.max(0, second * 1000 - now) } });
    }
    current.messageIds.push(id);
  });
  await enqueueBulk(sendQueueFor(priority), jobs);
  return jobs.length;
}
