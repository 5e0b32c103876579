import { logger } from "@/lib/logger";
import { type SendContext } from "@/lib/messages/evaluate-message";
import { loadSendContext, prepareMessage } from "@/lib/messages/prepare-message";
import { promotionalSendTime } from "@/lib/traffic/quiet-hours";
import { type SendMessageInput } from "@/lib/messages/schemas";
import { authenticateSendCached, forgetSendContext, type SendAuthorization } from "@/lib/messages/send-context-cache";
import { createMessage, StaleSendContextError, type CreatedMessage } from "@/lib/messages/transitions/create-message";
import { enqueueMessageSend } from "@/lib/sending/send-jobs";
import { assertCallbackUrlAllowed } from "@/lib/webhooks/destination-policy";

const log = logger.child({ component: "send-api" });

export interface SendRequester {
  accountId: string;
  apiKeyId?: string | null;
  /** Set for an automatic reply: the inbound message it answers (see lib/inbound/send-auto-reply.ts). */
  inReplyToId?: string | null;
}

/**
 * The single-send flow after authentication: check (callback URL, number, content, sender ID, price), reserve
 * and insert `submitted` in one statement, then enqueue. An enqueue failure is not the caller's
 * problem: the message is safe in Postgres and the reconciler enqueues it once it is overdue.
 */
export async function acceptMessage(
  requester: SendRequester,
  input: SendMessageInput,
  idempotencyRecordId?: string,
  context?: SendContext,
  recheck?: { apiKeyId: string; from: string },
): Promise<CreatedMessage> {
  if (input.callbackUrl) assertCallbackUrlAllowed(input.callbackUrl, "callbackUrl");
  const sendContext = context ?? (await loadSendContext(requester.accountId, input.from));
  const prepared = await prepareMessage(requester.accountId, { to: input.to, from: input.from, body: input.body }, sendContext);
  // Promotional traffic inside the account's quiet hours is accepted and held until they end.
  const now = new Date();
  const sendTime = input.class === "promotional" ? promotionalSendTime(sendContext.quietHours ?? null, sendContext.timezone ?? "UTC", now) : now;
  const notBefore = sendTime > now ? sendTime : null;
  const submitted = await createMessage(prepared, {
    accountId: requester.accountId,
    apiKeyId: requester.apiKeyId ?? null,
    priority: input.priority,
    messageClass: input.class,
    notBefore,
    callbackUrl: input.callbackUrl ?? null,
    callbackEvents: input.callbackEvents ?? [],
    customPayload: input.customPayload,
    callbackBatch: input.callbackBatch,
    idempotencyRecordId,
    inReplyToId: requester.inReplyToId ?? null,
    recheck,
  });
  try {
    await enqueueMessageSend(submitted.messageId, input.priority, notBefore ? notBefore.getTime() - now.getTime() : 0);
  } catch (error) {
    log.error("enqueue failed; the reconciler will pick the message up", { messageId: submitted.messageId, err: error });
  }
  return submitted;
}

/**
 * `POST /v1/messages` after the body-first authentication: a send authorised from the cached
 * context goes in one round trip, its insert re-checking the key, account and sender. When that
 * re-check (or the balance) fails, the entry is dropped and the send is judged again from fresh
 * data, which gives the right answer (401, 403, 422 or 402) and writes nothing twice.
 */
export async function acceptApiMessage(
  authorization: string | null,
  authorized: SendAuthorization,
  input: SendMessageInput,
  idempotencyRecordId?: string,
): Promise<CreatedMessage> {
  const { auth, context, cached } = authorized;
  const requester = { accountId: auth.accountId, apiKeyId: auth.apiKeyId };
  if (!cached) return acceptMessage(requester, input, idempotencyRecordId, context);
  try {
    return await acceptMessage(requester, input, idempotencyRecordId, context, { apiKeyId: auth.apiKeyId, from: input.from });
  } catch (error) {
    if (!(error instanceof StaleSendContextError)) throw error;
    forgetSendContext(authorized.cacheKey);
    const fresh = await authenticateSendCached(authorization, input.from);
    return acceptMessage({ accountId: fresh.auth.accountId, apiKeyId: fresh.auth.apiKeyId }, input, idempotencyRecordId, fresh.context);
  }
}
