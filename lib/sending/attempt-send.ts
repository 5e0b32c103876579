import { logger } from "@/lib/logger";
import { failAndRefund, rejectAndRefund } from "@/lib/messages/transitions/fail-and-refund";
import { markQueued } from "@/lib/messages/transitions/mark-queued";
import { markSent } from "@/lib/messages/transitions/mark-sent";
import { recordRetries } from "@/lib/messages/transitions/record-retries";
import { type SendFailure, type SmsProvider } from "@/lib/providers/types";

const log = logger.child({ component: "sending" });

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
 * permanent error or the last attempt — `failed` (or `rejected`, when the provider refused the
 * message itself) with the reservation refunded.
 *
 * Delivery is at-least-once in one narrow case: if the process dies after the provider accepted
 * the message but before `sent` is written, the job is retried (stalled job or reconciler) and
 * the message is submitted again. Every other repeat of a job finds the message already sent.
 */
export async function attemptSend(messageId: string, options: SendAttemptOptions): Promise<SendOutcome> {
  const message = await markQueued(messageId);
  if (!message) return { kind: "skipped" };

  const result = await options.provider.send({ messageId: message.id, to: message.to, from: message.from, body: message.body });

  if (result.ok) {
    const moved = await markSent(options.provider.name, [{ messageId: message.id, providerMessageId: result.providerMessageId, attempt: message.attempts }]);
    if (moved === 0) log.warn("provider accepted a message that had already moved on", { messageId: message.id });
    return { kind: "sent", providerMessageId: result.providerMessageId };
  }

  const data = { attempt: message.attempts, code: result.code, providerCode: result.providerCode ?? null, httpStatus: result.httpStatus ?? null };
  const lastAttempt = !result.retryable || options.lastJobAttempt || message.attempts >= options.maxAttempts;
  if (!lastAttempt) {
    await recordRetries([{ messageId: message.id, reason: `attempt ${message.attempts} failed, will retry: ${result.code} (${result.reason})`, data }]);
    return { kind: "retry", failure: result, attempt: message.attempts };
  }

  // A provider refusing the recipient or sender for good makes the message `rejected`, anything else `failed`.
  const end = result.rejected ? rejectAndRefund : failAndRefund;
  await end([{ messageId: message.id, reason: `${result.code}: ${result.reason}`, data }], "worker");
  return { kind: "failed", failure: result, attempt: message.attempts };
}
