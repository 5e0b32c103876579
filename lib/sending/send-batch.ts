import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { type OutboundSms, type SendFailure, type SendResult, type SmsProvider } from "@/lib/providers/types";
import { enqueueBulk } from "@/lib/queue/enqueue";
import { RetryableSendError, sendBackoffDelay, sendJobOptions, sendQueueFor } from "@/lib/sending/send-jobs";
import type { ClaimedMessage } from "@/lib/sending/attempt-send";
import type { MessagePriority } from "@/lib/generated/prisma/enums";

const log = logger.child({ component: "sending.batch" });

/** Most message ids one batch send job carries (the payload schema enforces it). */
export const SEND_BATCH_MAX_MESSAGES = 500;
/** Provider requests one batch has in flight when it sends message by message. */
const SEND_BATCH_REQUEST_CONCURRENCY = 50;

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
  failed: number;
}

/**
 * Claims the batch's messages for their first attempt in one statement: only messages still
 * `submitted` and untouched since they were created (updated_at = created_at). The reconciler
 * touches a message when it takes it over as a single-message job, and a claim touches it too,
 * so a message is claimed by this batch or by that job, never by both, and a batch job that runs
 * again claims nothing it already took (those messages are left to the reconciler).
 */
export async function claimBatchForSend(messageIds: readonly string[]): Promise<ClaimedMessage[]> {
  if (messageIds.length === 0) return [];
  return db.$queryRaw<ClaimedMessage[]>`
    WITH target AS (
      SELECT id FROM messages
      WHERE id = ANY(${messageIds}::uuid[]) AND status = 'submitted' AND updated_at = created_at
      ORDER BY id
      FOR UPDATE
    ), claimed AS (
      UPDATE messages m SET status = 'queued', attempts = m.attempts + 1, queued_at = COALESCE(m.queued_at, now()), updated_at = now()
      FROM target WHERE m.id = target.id AND m.status = 'submitted'
      RETURNING m.id, m."to", m."from", m.body, m.attempts
    ), event AS (
      INSERT INTO message_events (message_id, status, source) SELECT id, 'queued', 'worker' FROM claimed
    )
    SELECT id, "to", "from", body, attempts FROM claimed`;
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
  const outbound: OutboundSms[] = messages.map((message) => ({ messageId: message.id, to: message.to, from: message.from, body: message.body }));
  if (options.useProviderBatch && options.provider.sendBatch) return options.provider.sendBatch(outbound);
  return mapLimited(outbound, SEND_BATCH_REQUEST_CONCURRENCY, (message) => options.provider.send(message));
}

/** `sent` with the provider's ids and one timeline row each, forward-only, in one statement. */
async function recordSent(provider: string, sent: { message: ClaimedMessage; providerMessageId: string }[]): Promise<number> {
  if (sent.length === 0) return 0;
  const [row] = await db.$queryRaw<{ moved: bigint }[]>`
    WITH input AS (
      SELECT * FROM unnest(${sent.map((item) => item.message.id)}::uuid[], ${sent.map((item) => item.providerMessageId)}::text[],
                           ${sent.map((item) => item.message.attempts)}::int[]) AS t(id, provider_message_id, attempt)
    ), locked AS (
      SELECT id FROM messages WHERE id IN (SELECT id FROM input) ORDER BY id FOR UPDATE
    ), moved AS (
      UPDATE messages m SET status = 'sent', provider = ${provider}, provider_message_id = i.provider_message_id, sent_at = now(), updated_at = now()
      FROM input i JOIN locked l ON l.id = i.id
      WHERE m.id = i.id AND message_status_rank('sent') > message_status_rank(m.status)
      RETURNING m.id, i.provider_message_id, i.attempt
    ), events AS (
      INSERT INTO message_events (message_id, status, source, data)
      SELECT id, 'sent', 'worker', jsonb_build_object('attempt', attempt, 'providerMessageId', provider_message_id) FROM moved
    )
    SELECT count(*) AS moved FROM moved`;
  const moved = Number(row.moved);
  if (moved < sent.length) log.warn("provider accepted messages that had already moved on", { count: sent.length - moved });
  return moved;
}

interface FailedAttempt {
  message: ClaimedMessage;
  failure: SendFailure;
}

function failureData(item: FailedAttempt) {
  return JSON.stringify({ attempt: item.message.attempts, code: item.failure.code, providerCode: item.failure.providerCode ?? null, httpStatus: item.failure.httpStatus ?? null });
}

/**
 * `failed` with the reason, the reservation released and a `release` ledger row per message and
 * the account's totals moved, all in one statement (the bulk form of failMessageAndRefund).
 */
async function recordFailed(failed: FailedAttempt[]): Promise<void> {
  if (failed.length === 0) return;
  await db.$executeRaw`
    WITH input AS (
      SELECT * FROM unnest(${failed.map((item) => item.message.id)}::uuid[], ${failed.map((item) => `${item.failure.code}: ${item.failure.reason}`)}::text[],
                           ${failed.map(failureData)}::jsonb[]) AS t(id, reason, data)
    ), locked AS (
      SELECT m.id, m.charge_state AS old_charge_state FROM messages m WHERE m.id IN (SELECT id FROM input) ORDER BY m.id FOR UPDATE
    ), moved AS (
      UPDATE messages m SET status = 'failed', status_reason = i.reason, completed_at = now(), updated_at = now(),
        charge_state = CASE WHEN l.old_charge_state = 'reserved' THEN 'released'::"ChargeState" ELSE m.charge_state END
      FROM input i JOIN locked l ON l.id = i.id
      WHERE m.id = i.id AND message_status_rank('failed') > message_status_rank(m.status)
      RETURNING m.id, m.account_id, m.cost, l.old_charge_state, i.reason, i.data
    ), events AS (
      INSERT INTO message_events (message_id, status, reason, source, data)
      SELECT id, 'failed', reason, 'worker', data FROM moved
    ), releases AS (
      INSERT INTO ledger_entries (account_id, type, amount, message_id, description)
      SELECT account_id, 'release', cost, id, 'Refund: message not sent' FROM moved WHERE old_charge_state = 'reserved' AND cost > 0
      RETURNING account_id, amount
    )
    UPDATE accounts a SET reserved = a.reserved - s.total, balance = a.balance + s.total, updated_at = now()
    FROM (SELECT account_id, sum(amount)::bigint AS total FROM releases GROUP BY account_id) s
    WHERE a.id = s.account_id`;
}

/** A timeline row per failed attempt, then one single-message job each, delayed by the backoff. */
async function scheduleRetries(retries: FailedAttempt[], options: BatchSendOptions): Promise<void> {
  if (retries.length === 0) return;
  await db.$executeRaw`
    INSERT INTO message_events (message_id, status, reason, source, data)
    SELECT id, 'queued', reason, 'worker', data
    FROM unnest(${retries.map((item) => item.message.id)}::uuid[],
                ${retries.map((item) => `attempt ${item.message.attempts} failed, will retry: ${item.failure.code} (${item.failure.reason})`)}::text[],
                ${retries.map(failureData)}::jsonb[]) AS t(id, reason, data)`;
  await enqueueBulk(
    sendQueueFor(options.priority),
    retries.map(({ message, failure }) => ({
      payload: { messageId: message.id },
      options: {
        ...sendJobOptions(message.id, options.maxAttempts - message.attempts),
        delay: sendBackoffDelay(message.attempts, options.backoffMs, new RetryableSendError(failure.code, failure.retryAfterMs)),
      },
    })),
  );
}

/**
 * One batch send job: claims its messages in one statement, submits them (concurrently, or
 * through the provider's bulk endpoint), records every `sent` in one statement and every final
 * failure (with refunds) in another. Retryable failures continue as single-message jobs with
 * backoff; the message's own attempt count keeps the SEND_MAX_ATTEMPTS limit.
 */
export async function sendMessageBatch(messageIds: readonly string[], options: BatchSendOptions): Promise<BatchSendSummary> {
  const claimed = await claimBatchForSend(messageIds);
  const summary: BatchSendSummary = { requested: messageIds.length, claimed: claimed.length, sent: 0, retrying: 0, failed: 0 };
  if (claimed.length === 0) return summary;

  const results = await submitToProvider(claimed, options);
  const sent: { message: ClaimedMessage; providerMessageId: string }[] = [];
  const retries: FailedAttempt[] = [];
  const failed: FailedAttempt[] = [];
  claimed.forEach((message, index) => {
    const result = results[index];
    if (result.ok) sent.push({ message, providerMessageId: result.providerMessageId });
    else if (result.retryable && message.attempts < options.maxAttempts) retries.push({ message, failure: result });
    else failed.push({ message, failure: result });
  });

  summary.sent = await recordSent(options.provider.name, sent);
  await scheduleRetries(retries, options);
  await recordFailed(failed);
  summary.retrying = retries.length;
  summary.failed = failed.length;
  return summary;
}

/** Enqueues message ids as batch send jobs of at most {@link SEND_BATCH_MAX_MESSAGES}. */
export async function enqueueMessageBatches(messageIds: readonly string[], priority: MessagePriority): Promise<number> {
  const jobs: { payload: { messageIds: string[] }; options: { attempts: number; backoff: { type: "exponential"; delay: number } } }[] = [];
  for (let start = 0; start < messageIds.length; start += SEND_BATCH_MAX_MESSAGES) {
    jobs.push({ payload: { messageIds: messageIds.slice(start, start + SEND_BATCH_MAX_MESSAGES) }, options: { attempts: 3, backoff: { type: "exponential", delay: 1_000 } } });
  }
  await enqueueBulk(sendQueueFor(priority), jobs);
  return jobs.length;
}
