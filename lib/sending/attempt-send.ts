import { holdingClaims } from "@/lib/messages/transitions/hold-claims";
import { attemptsSinceReplay } from "@/lib/dead-letters/attempts-since-replay";
import { logger } from "@/lib/logger";
import { parkDeadLetters } from "@/lib/messages/transitions/dead-letters";
import { failAndRefund, rejectAndRefund } from "@/lib/messages/transitions/fail-and-refund";
import { markQueued } from "@/lib/messages/transitions/mark-queued";
import { markSent } from "@/lib/messages/transitions/mark-sent";
import { recordRetries } from "@/lib/messages/transitions/record-retries";
import { recordSendAttempts } from "@/lib/messages/transitions/record-send-attempts";
import { attemptRows, outboundOf } from "@/lib/sending/attempt-rows";
import { type SendFailure, type SmsProvider } from "@/lib/providers/types";

const log = logger.child({ component: "sending" });

export type SendOutcome =
  | { kind: "sent"; providerMessageId: string }
  /** Nothing to do: the message was already sent, final, or does not exist. */
  | { kind: "skipped" }
  | { kind: "retry"; failure: SendFailure; attempt: number }
  /** Attempts ran out for a transient reason: parked in the dead-letter queue, still reserved. */
  | { kind: "dead_lettered"; failure: SendFailure; attempt: number }
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
 * submit it to the provider, then `sent` with the provider's id, or a retry; on a permanent error
 * `failed` (or `rejected`, when the provider refused the message itself) with the reservation
 * refunded; and when a transient error (provider down, throttling) takes the last attempt, parked
 * in the dead-letter queue for a replay (or the retention expiry).
 *
 * Delivery is at-least-once in one narrow case: if the process dies after the provider accepted
 * the message but before `sent` (and the attempt, in the same statement) is written, the job is
 * retried (stalled job or reconciler) and the message is submitted again. Every other repeat of a
 * job finds the message already sent.
 */
export async function attemptSend(messageId: string, options: SendAttemptOptions): Promise<SendOutcome> {
  const message = await markQueued(messageId);
  if (!message) return { kind: "skipped" };

  const result = await holdingClaims([message.id], () => options.provider.send(outboundOf(message)));
  const attempts = attemptRows(message, options.provider, result);
  const provider = result.provider ?? options.provider.name;

  if (result.ok) {
    const moved = await markSent(provider, [{ messageId: message.id, providerMessageId: result.providerMessageId, attempt: message.attempts }], attempts);
    if (moved === 0) log.warn("provider accepted a message that had already moved on", { messageId: message.id });
    return { kind: "sent", providerMessageId: result.providerMessageId };
  }

  await recordSendAttempts(attempts);
  const data = { attempt: message.attempts, provider, code: result.code, providerCode: result.providerCode ?? null, httpStatus: result.httpStatus ?? null };
  if (!result.retryable) {
    // A provider refusing the recipient or sender for good makes the message `rejected`, anything else `failed`.
    const end = result.rejected ? rejectAndRefund : failAndRefund;
    await end([{ messageId: message.id, reason: `${result.code}: ${result.reason}`, data }], "worker");
    return { kind: "failed", failure: result, attempt: message.attempts };
  }
  const exhausted =
    options.lastJobAttempt || (message.attempts >= options.maxAttempts && (await attemptsSinceReplay(message.id)) >= options.maxAttempts);
  if (!exhausted) {
    await recordRetries([{ messageId: message.id, reason: `attempt ${message.attempts} failed, will retry: ${result.code} (${result.reason})`, data }]);
    return { kind: "retry", failure: result, attempt: message.attempts };
  }
  await parkDeadLetters([
    { messageId: message.id, provider, reason: result.code, detail: result.reason, attempts: message.attempts, data },
  ]);
  return { kind: "dead_lettered", failure: result, attempt: message.attempts };
}
