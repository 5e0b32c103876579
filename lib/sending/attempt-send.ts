import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { failMessageAndRefund, recordMessageEvent, updateMessageStatus } from "@/lib/messages/update-message-status";
import { type SendFailure, type SmsProvider } from "@/lib/providers/types";

const log = logger.child({ component: "sending" });

export interface ClaimedMessage {
  id: string;
  to: string;
  from: string;
  body: string;
  /** Tries so far, this one included. */
  attempts: number;
}

/**
 * Takes a message for one send attempt: `submitted` or `queued` becomes `queued` with one more
 * attempt, atomically. A message already `sent` or final cannot be claimed, so a job that runs
 * again (a retry racing the reconciler, a replayed dead letter) never sends it a second time.
 * The `queued` event is written only on the first claim; later claims are retries.
 */
export async function claimMessageForSend(messageId: string): Promise<ClaimedMessage | null> {
  const rows = await db.$queryRaw<(ClaimedMessage & { previous: string })[]>`
    WITH target AS (
      SELECT id, status AS previous FROM messages
      WHERE id = ${messageId}::uuid AND message_status_rank('queued') >= message_status_rank(status)
      FOR UPDATE
    ), claimed AS (
      UPDATE messages m SET status = 'queued', attempts = m.attempts + 1, queued_at = COALESCE(m.queued_at, now()), updated_at = now()
      FROM target WHERE m.id = target.id
      RETURNING m.id, m."to", m."from", m.body, m.attempts, target.previous::text AS previous
    ), event AS (
      INSERT INTO message_events (message_id, status, source) SELECT id, 'queued', 'worker' FROM claimed WHERE previous = 'submitted'
    )
    SELECT id, "to", "from", body, attempts, previous FROM claimed`;
  const row = rows[0];
  return row ? { id: row.id, to: row.to, from: row.from, body: row.body, attempts: row.attempts } : null;
}

export type SendOutcome =
  | { kind: "sent"; providerMessageId: string }
  /** Nothing to do: the message was already sent, final, or does not exist. */
  | { kind: "skipped" }
  | { kind: "retry"; failure: SendFailure; attempt: number }
  | { kind: "failed"; failure: SendFailure; attempt: number };

export interface SendAttemptOptions {
  provider: SmsProvider;
  /** Tries a message gets in total (SEND_MAX_ATTEMPTS). */
  maxAttempts: number;
  /** The queue will not run this job again, whatever the message's own count says. */
  lastJobAttempt: boolean;
}

/**
 * One send attempt of a message (steps 11–13 of the single-send flow): claim it as `queued`,
 * submit it to the provider, then `sent` with the provider's id, or a retry, or — on a
 * permanent error or the last attempt — `failed` with the reservation refunded.
 *
 * Delivery is at-least-once in one narrow case: if the process dies after the provider accepted
 * the message but before `sent` is written, the job is retried (stalled job or reconciler) and
 * the message is submitted again. Every other repeat of a job finds the message already sent.
 */
export async function attemptSend(messageId: string, options: SendAttemptOptions): Promise<SendOutcome> {
  const message = await claimMessageForSend(messageId);
  if (!message) return { kind: "skipped" };

  const result = await options.provider.send({ messageId: message.id, to: message.to, from: message.from, body: message.body });

  if (result.ok) {
    const moved = await updateMessageStatus({
      messageId: message.id,
      status: "sent",
      source: "worker",
      provider: options.provider.name,
      providerMessageId: result.providerMessageId,
      data: { attempt: message.attempts, providerMessageId: result.providerMessageId },
    });
    if (!moved) log.warn("provider accepted a message that had already moved on", { messageId: message.id });
    return { kind: "sent", providerMessageId: result.providerMessageId };
  }

  const data = { attempt: message.attempts, code: result.code, providerCode: result.providerCode ?? null, httpStatus: result.httpStatus ?? null };
  const lastAttempt = !result.retryable || options.lastJobAttempt || message.attempts >= options.maxAttempts;
  if (!lastAttempt) {
    await recordMessageEvent({
      messageId: message.id,
      status: "queued",
      source: "worker",
      reason: `attempt ${message.attempts} failed, will retry: ${result.code} (${result.reason})`,
      data,
    });
    return { kind: "retry", failure: result, attempt: message.attempts };
  }

  await failMessageAndRefund({ messageId: message.id, source: "worker", reason: `${result.code}: ${result.reason}`, data });
  return { kind: "failed", failure: result, attempt: message.attempts };
}
