import { logger } from "@/lib/logger";
import { type SendContext } from "@/lib/messages/evaluate-message";
import { prepareMessage } from "@/lib/messages/prepare-message";
import { type SendMessageInput } from "@/lib/messages/schemas";
import { createMessage, type CreatedMessage } from "@/lib/messages/transitions/create-message";
import { enqueueMessageSend } from "@/lib/sending/send-jobs";
import { assertCallbackUrlAllowed } from "@/lib/webhooks/destination-policy";

const log = logger.child({ component: "send-api" });

export interface SendRequester {
  accountId: string;
  apiKeyId?: string | null;
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
): Promise<CreatedMessage> {
  if (input.callbackUrl) assertCallbackUrlAllowed(input.callbackUrl, "callbackUrl");
  const prepared = await prepareMessage(requester.accountId, { to: input.to, from: input.from, body: input.body }, context);
  const submitted = await createMessage(prepared, {
    accountId: requester.accountId,
    apiKeyId: requester.apiKeyId ?? null,
    priority: input.priority,
    callbackUrl: input.callbackUrl ?? null,
    callbackEvents: input.callbackEvents ?? [],
    customPayload: input.customPayload,
    callbackBatch: input.callbackBatch,
    idempotencyRecordId,
  });
  try {
    await enqueueMessageSend(submitted.messageId, input.priority);
  } catch (error) {
    log.error("enqueue failed; the reconciler will pick the message up", { messageId: submitted.messageId, err: error });
  }
  return submitted;
}
