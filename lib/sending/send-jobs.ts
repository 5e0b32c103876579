import { type JobsOptions } from "bullmq";
import { env } from "@/lib/env";
import { enqueue, enqueueBulk } from "@/lib/queue/enqueue";
import type { MessagePriority } from "@/lib/generated/prisma/enums";

/** Name of the backoff strategy the sending workers register (exponential, honouring provider hints). */
export const SEND_BACKOFF_TYPE = "send";

/** A failure the provider says may pass; carries its "retry after" hint to the backoff strategy. */
export class RetryableSendError extends Error {
  readonly retryAfterMs?: number;

  constructor(message: string, retryAfterMs?: number) {
    super(message);
    this.name = "RetryableSendError";
    this.retryAfterMs = retryAfterMs;
  }
}

export function sendQueueFor(priority: MessagePriority): "smsPriority" | "smsNormal" {
  return priority === "high" ? "smsPriority" : "smsNormal";
}

/**
 * The job id is the message id: BullMQ refuses a second job with an id that still exists, so a
 * message re-enqueued by the reconciler while its job waits, runs or backs off is not sent twice.
 */
export function sendJobOptions(messageId: string, maxAttempts = env.SEND_MAX_ATTEMPTS): JobsOptions {
  return { jobId: messageId, attempts: maxAttempts, backoff: { type: SEND_BACKOFF_TYPE } };
}

/** `delayMs`: a message held until later (quiet hours) waits in a delayed job. */
export async function enqueueMessageSend(messageId: string, priority: MessagePriority, delayMs = 0): Promise<void> {
  await enqueue(sendQueueFor(priority), { messageId }, { ...sendJobOptions(messageId), ...(delayMs > 0 ? { delay: delayMs } : {}) });
}

/** Enqueues many messages of one priority in one round trip (campaign expansion, reconciler). */
export async function enqueueMessageSends(messageIds: readonly string[], priority: MessagePriority): Promise<void> {
  await enqueueBulk(
    sendQueueFor(priority),
    messageIds.map((messageId) => ({ payload: { messageId }, options: sendJobOptions(messageId) })),
  );
}

/**
 * Delay before retry number `attemptsMade` (1 after the first failure): base × 2^(n−1), ±20 %
 * jitter so a burst of failures does not come back as a burst, and never shorter than the
 * provider's own "retry after" hint.
 */
export function sendBackoffDelay(attemptsMade: number, baseMs: number, error?: Error, random: () => number = Math.random): number {
  const exponential = baseMs * 2 ** Math.max(0, attemptsMade - 1);
  const jittered = Math.round(exponential * (0.8 + 0.4 * random()));
  const hint = error instanceof RetryableSendError ? (error.retryAfterMs ?? 0) : 0;
  return Math.max(jittered, hint);
}
