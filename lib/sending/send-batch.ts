import { attemptsSinceReplay } from "@/lib/dead-letters/attempts-since-replay";
import { holdingClaims } from "@/lib/messages/transitions/hold-claims";
import { logger } from "@/lib/logger";
import { parkDeadLetters } from "@/lib/messages/transitions/dead-letters";
import { failAndRefund, rejectAndRefund } from "@/lib/messages/transitions/fail-and-refund";
import { bulkhead, type BulkheadPolicy } from "cockatiel";
import { env } from "@/lib/env";
import { type ClaimedMessage, markBatchQueued, markTakeoverQueued } from "@/lib/messages/transitions/mark-queued";
import { markSent } from "@/lib/messages/transitions/mark-sent";
import { recordRetries } from "@/lib/messages/transitions/record-retries";
import { attemptRows, outboundOf } from "@/lib/sending/attempt-rows";
import { type OutboundSms, type SendFailure, type SendResult, type SmsProvider } from "@/lib/providers/types";
import { enqueueBulk } from "@/lib/queue/enqueue";
import { RetryableSendError, sendBackoffDelay, sendJobOptions, sendQueueFor } from "@/lib/sending/send-jobs";
import type { MessagePriority } from "@/lib/generated/prisma/enums";

const log = logger.child({ component: "sending.batch" });

/** Most message ids one batch send job carries (the payload schema enforces it). */
export const SEND_BATCH_MAX_MESSAGES = 500;
/** Provider requests one batch has in flight when it sends message by message. */
const SEND_BATCH_REQUEST_CONCURRENCY = 50;
/**
 * Messages submitted and recorded together inside a batch job: Celcom's documented bulk size, so a
 * bulk request is one group.
 */
export const SEND_COMMIT_GROUP_SIZE = 20;

export interface BatchSendOptions {
  provider: SmsProvider;
  /** Tries a message gets in total (SEND_MAX_ATTEMPTS); retries continue as single-message jobs. */
  maxAttempts: number;
  /** Base of the retry backoff (SEND_BACKOFF_MS). */
  backoffMs: number;
  /** Queue the retries go to. */
  priority: MessagePriority;
  /** Use the provider's bulk endpoint when it has one; otherwise one request per message. */
  useProviderBatch: boolean;
}

export interface BatchSendSummary {
  requested: number;
  /** Claimed by this job (the rest were already sent, final, or taken over by the reconciler). */
  claimed: number;
  sent: number;
  retrying: number;
  /** Out of attempts for a transient reason: parked in the dead-letter queue. */
  deadLettered: number;
  failed: number;
}

/** Runs `task` over `items` with at most `limit` in flight; results keep the input order. */
async function mapLimited<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

async function submitToProvider(messages: ClaimedMessage[], options: BatchSendOptions): Promise<SendResult[]> {
  const outbound: OutboundSms[] = messages.map(outboundOf);
  if (options.useProviderBatch && options.provider.sendBatch) return options.provider.sendBatch(outbound);
  return mapLimited(outbound, SEND_BATCH_REQUEST_CONCURRENCY, (message) => options.provider.send(message));
}

interface FailedAttempt {
  message: ClaimedMessage;
  failure: SendFailure;
}

function failureData(item: FailedAttempt) {
  return { attempt: item.message.attempts, provider: item.failure.provider ?? null, code: item.failure.code, providerCode: item.failure.providerCode ?? null, httpStatus: item.failure.httpStatus ?? null };
}

/** A timeline row per failed attempt, then one single-message job each, delayed by the backoff. */
async function scheduleRetries(retries: (FailedAttempt & { triesLeft: number })[], options: BatchSendOptions): Promise<void> {
  if (retries.length === 0) return;
  await recordRetries(
    retries.map((item) => ({
      messageId: item.message.id,
      reason: `attempt ${item.message.attempts} failed, will retry: ${item.failure.code} (${item.failure.reason})`,
      data: failureData(item),
    })),
  );
  await enqueueBulk(
    sendQueueFor(options.priority),
    retries.map(({ message, failure, triesLeft }) => ({
      payload: { messageId: message.id },
      options: {
        ...sendJobOptions(message.id, triesLeft),
        delay: sendBackoffDelay(message.attempts, options.backoffMs, new RetryableSendError(failure.code, failure.retryAfterMs)),
      },
    })),
  );
}

type GroupSummary = Omit<BatchSendSummary, "requested">;

/**
 * One commit group: claims it (fresh messages, or with `claimToken` the ones the reconciler took
 * over), submits it, and records the outcome: every `sent` (with the group's attempt rows) in one
 * statement, every permanent failure (with refunds) in another; retryable failures continue as
 * single-message jobs with backoff, and one out of attempts is parked in the dead-letter queue.
 */
async function claimSubmitAndRecord(messageIds: readonly string[], options: BatchSendOptions, claimToken: string | undefined): Promise<GroupSummary> {
  const group = claimToken === undefined ? await markBatchQueued(messageIds) : await markTakeoverQueued(messageIds, claimToken);
  if (group.length === 0) return { claimed: 0, sent: 0, retrying: 0, deadLettered: 0, failed: 0 };
  const results = await holdingClaims(group.map((message) => message.id), () => submitToProvider(group, options));
  const sent: { message: ClaimedMessage; providerMessageId: string; provider?: string }[] = [];
  const retryable: FailedAttempt[] = [];
  const failed: FailedAttempt[] = [];
  group.forEach((message, index) => {
    const result = results[index];
    if (result.ok) sent.push({ message, providerMessageId: result.providerMessageId, provider: result.provider });
    else if (!result.retryable) failed.push({ message, failure: result });
    else retryable.push({ message, failure: result });
  });

  const moved = await markSent(
    options.provider.name,
    sent.map((item) => ({ messageId: item.message.id, providerMessageId: item.providerMessageId, attempt: item.message.attempts, provider: item.provider })),
    group.flatMap((message, index) => attemptRows(message, options.provider, results[index])),
  );
  if (moved < sent.length) log.warn("provider accepted messages that had already moved on", { count: sent.length - moved });
  // Out of tries only when they reached the provider (recorded just above): claims cut short by a dead worker do not count.
  const triesMade = await Promise.all(retryable.map((item) => (item.message.attempts > 1 ? attemptsSinceReplay(item.message.id) : 1)));
  const retries = retryable.map((item, index) => ({ ...item, triesLeft: options.maxAttempts - triesMade[index] }));
  const parked = retries.filter((item) => item.triesLeft <= 0);
  const retrying = retries.filter((item) => item.triesLeft > 0);
  await scheduleRetries(retrying, options);
  const deadLettered = await parkDeadLetters(
    parked.map((item) => ({
      messageId: item.message.id,
      provider: item.failure.provider ?? options.provider.name,
      reason: item.failure.code,
      detail: item.failure.reason,
      attempts: item.message.attempts,
      data: failureData(item),
    })),
  );
  const ending = (item: FailedAttempt) => ({ messageId: item.message.id, reason: `${item.failure.code}: ${item.failure.reason}`, data: failureData(item) });
  await failAndRefund(failed.filter((item) => !item.failure.rejected).map(ending), "worker");
  await rejectAndRefund(failed.filter((item) => item.failure.rejected).map(ending), "worker");
  return { claimed: group.length, sent: moved, retrying: retrying.length, deadLettered, failed: failed.length };
}

let groupsInFlight: BulkheadPolicy | undefined;

/**
 * Commit groups this process has at the provider at once, over all its batch jobs
 * (SEND_GROUPS_IN_FLIGHT): the others wait here, not yet claimed. What a killed worker can leave
 * accepted by the provider but unrecorded is bounded by this, not by its job concurrency times 500.
 */
function groupBulkhead(): BulkheadPolicy {
  groupsInFlight ??= bulkhead(env.SEND_GROUPS_IN_FLIGHT, Number.POSITIVE_INFINITY);
  return groupsInFlight;
}

/**
 * One batch send job (≤ 500 messages: fresh ones, or with `claimToken` the ones the reconciler took
 * over), in commit groups of {@link SEND_COMMIT_GROUP_SIZE}: each group is claimed only when its turn
 * at the provider comes (at most SEND_GROUPS_IN_FLIGHT groups of the process at once), submitted, and
 * recorded as soon as the provider answered it (claimSubmitAndRecord). A worker killed mid-batch
 * therefore leaves unsent only the groups it had in flight: those whose answer was lost are sent again
 * once the reconciler takes them over (at-least-once), and the job's unclaimed messages are claimed
 * by the job's next run (BullMQ hands a stalled job to another worker). The message's own attempt
 * count keeps the SEND_MAX_ATTEMPTS limit across retries.
 */
export async function sendMessageBatch(messageIds: readonly string[], options: BatchSendOptions, claimToken?: string): Promise<BatchSendSummary> {
  const summary: BatchSendSummary = { requested: messageIds.length, claimed: 0, sent: 0, retrying: 0, deadLettered: 0, failed: 0 };
  const groups: string[][] = [];
  for (let start = 0; start < messageIds.length; start += SEND_COMMIT_GROUP_SIZE) groups.push(messageIds.slice(start, start + SEND_COMMIT_GROUP_SIZE));
  // Bulk requests (or an SMPP window) carry a whole group each; one request per message is capped at SEND_BATCH_REQUEST_CONCURRENCY in all.
  const bulk = options.useProviderBatch && Boolean(options.provider.sendBatch);
  const groupsAtOnce = bulk ? groups.length : Math.max(1, Math.floor(SEND_BATCH_REQUEST_CONCURRENCY / SEND_COMMIT_GROUP_SIZE));
  const outcomes = await mapLimited(groups, groupsAtOnce, (group) => groupBulkhead().execute(() => claimSubmitAndRecord(group, options, claimToken)));
  for (const outcome of outcomes) {
    summary.claimed += outcome.claimed;
    summary.sent += outcome.sent;
    summary.retrying += outcome.retrying;
    summary.deadLettered += outcome.deadLettered;
    summary.failed += outcome.failed;
  }
  return summary;
}

/**
 * Sends messages the reconciler took over as batch jobs (bulk requests again, not one job per
 * message), ahead of the queue's backlog (`lifo`) so they are claimed long before their touch
 * could go stale and be renewed.
 */
export async function enqueueTakeoverBatches(messageIds: readonly string[], priority: MessagePriority, claimToken: string): Promise<number> {
  const jobs: { payload: { messageIds: string[]; claimToken: string }; options: { lifo: true } }[] = [];
  for (let start = 0; start < messageIds.length; start += SEND_BATCH_MAX_MESSAGES) {
    jobs.push({ payload: { messageIds: messageIds.slice(start, start + SEND_BATCH_MAX_MESSAGES), claimToken }, options: { lifo: true } });
  }
  await enqueueBulk(sendQueueFor(priority), jobs);
  return jobs.length;
}

/** Enqueues message ids as batch send jobs of at most {@link SEND_BATCH_MAX_MESSAGES}. */
export async function enqueueMessageBatches(messageIds: readonly string[], priority: MessagePriority, delayMs = 0): Promise<number> {
  const jobs: { payload: { messageIds: string[] }; options?: { delay: number } }[] = [];
  for (let start = 0; start < messageIds.length; start += SEND_BATCH_MAX_MESSAGES) {
    jobs.push({ payload: { messageIds: messageIds.slice(start, start + SEND_BATCH_MAX_MESSAGES) }, ...(delayMs > 0 ? { options: { delay: delayMs } } : {}) });
  }
  await enqueueBulk(sendQueueFor(priority), jobs);
  return jobs.length;
}
