import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/http/errors";
import { zodDetails } from "@/lib/http/respond";
import { logger } from "@/lib/logger";
import {
  batchMessageItem,
  type BatchAcceptedResult,
  type BatchRefusedResult,
  type SendBatchInput,
  type SendBatchResponse,
} from "@/lib/messages/batch-schemas";
import { evaluateMessage, type SendContext } from "@/lib/messages/evaluate-message";
import { loadSendContext } from "@/lib/messages/prepare-message";
import { createBatchMessages, type BatchMessage } from "@/lib/messages/transitions/create-batch-messages";
import { findOptedOutPhones } from "@/lib/opt-outs/find-opted-out";
import { loadPrefixRegistry } from "@/lib/phone/load-prefix-registry";
import { loadTierRateCard } from "@/lib/pricing/get-rate-card";
import { enqueueMessageBatches } from "@/lib/sending/send-batch";
import { promotionalSendTime } from "@/lib/traffic/quiet-hours";
import { assertCallbackUrlAllowed } from "@/lib/webhooks/destination-policy";
import { type SendRequester } from "@/lib/messages/accept-message";

const log = logger.child({ component: "send-batch-api" });

type Refusal = BatchRefusedResult["error"];

export interface AcceptedBatch {
  response: SendBatchResponse;
  /** True when the insert stored the response on the idempotency record itself (something was accepted). */
  stored: boolean;
}

/** The request's items with its shared defaults applied, each still unvalidated. */
function expandItems(input: SendBatchInput): Record<string, unknown>[] {
  const defaults = {
    from: input.from,
    body: input.body,
    callbackUrl: input.callbackUrl,
    callbackEvents: input.callbackEvents,
    customPayload: input.customPayload,
    callbackBatch: input.callbackBatch,
    class: input.class,
  };
  if ("messages" in input) return input.messages.map((item) => ({ ...defaults, ...item }));
  return input.to.map((to) => ({ ...defaults, to }));
}

function recipientText(raw: Record<string, unknown>): string | null {
  return typeof raw.to === "string" ? raw.to : null;
}

function refused(index: number, to: string | null, error: Refusal): BatchRefusedResult {
  return { index, status: "refused", to, error };
}

/** Validates one item's fields and its callback URL; a refusal names the first broken field. */
function validateItem(raw: Record<string, unknown>): { item: ReturnType<typeof batchMessageItem.parse> } | { error: Refusal } {
  const parsed = batchMessageItem.safeParse(raw);
  if (!parsed.success) {
    const message = zodDetails(parsed.error).map((detail) => `${detail.field}: ${detail.message}`).join("; ");
    return { error: { code: "validation_failed", message } };
  }
  if (parsed.data.callbackUrl) {
    try {
      assertCallbackUrlAllowed(parsed.data.callbackUrl, "callbackUrl");
    } catch (error) {
      if (error instanceof AppError) return { error: { code: error.code, message: error.message } };
      throw error;
    }
  }
  return { item: parsed.data };
}

function heldUntil(messageClass: "transactional" | "promotional", context: SendContext, now: Date): Date | null {
  if (messageClass !== "promotional") return null;
  const sendTime = promotionalSendTime(context.quietHours ?? null, context.timezone ?? "UTC", now);
  return sendTime > now ? sendTime : null;
}

async function loadContexts(accountId: string, senders: Set<string>): Promise<Map<string, SendContext>> {
  const entries = await Promise.all([...senders].map(async (from) => [from, await loadSendContext(accountId, from)] as const));
  return new Map(entries);
}

/**
 * `POST /v1/messages/batch` after authentication: every item is validated, checked (number,
 * content, sender ID) and priced on its own, exactly as a single send would be; the accepted
 * ones are reserved and inserted together in one statement (402 for the whole batch when the
 * balance does not cover them) and enqueued as batch send jobs, as campaigns are. Results keep
 * the request's order.
 */
export async function acceptMessageBatch(requester: SendRequester, input: SendBatchInput, idempotencyRecordId?: string): Promise<AcceptedBatch> {
  const rawItems = expandItems(input);
  const validated = rawItems.map(validateItem);
  const senders = new Set(validated.flatMap((result) => ("item" in result ? [result.item.from] : [])));

  const [contexts, registry] = await Promise.all([loadContexts(requester.accountId, senders), loadPrefixRegistry()]);
  const [firstContext] = contexts.values();
  const rateCard = firstContext ? await loadTierRateCard(firstContext.pricingTierId) : null;

  const now = new Date();
  let accepted: BatchMessage[] = [];
  const results = validated.map((result, index): BatchAcceptedResult | BatchRefusedResult => {
    if ("error" in result) return refused(index, recipientText(rawItems[index]), result.error);
    const { item } = result;
    const context = contexts.get(item.from)!;
    const evaluation = evaluateMessage(item, context, registry, rateCard!);
    const [issue] = evaluation.issues;
    if (issue) return refused(index, item.to, { code: issue.code, message: issue.message });
    if (evaluation.to === null || evaluation.country === null || evaluation.operator === null || evaluation.cost === null) {
      throw new Error("a message without issues must have a resolved recipient and a price");
    }
    const message: BatchMessage = {
      id: randomUUID(),
      to: evaluation.to,
      from: item.from,
      body: item.body,
      country: evaluation.country,
      operator: evaluation.operator,
      encoding: evaluation.encoding,
      segments: evaluation.segments,
      cost: evaluation.cost,
      callbackUrl: item.callbackUrl ?? null,
      callbackEvents: item.callbackEvents ?? [],
      customPayload: item.customPayload,
      callbackBatch: item.callbackBatch ?? false,
      messageClass: item.class,
      // Promotional items inside the account's quiet hours are accepted and held until the window ends.
      notBefore: heldUntil(item.class, context, now),
    };
    accepted.push(message);
    return {
      index,
      status: "submitted",
      messageId: message.id,
      to: message.to,
      segments: message.segments,
      encoding: message.encoding,
      cost: message.cost,
      class: message.messageClass,
      ...(message.notBefore ? { scheduledFor: message.notBefore.toISOString() } : {}),
    };
  });

  // Opted-out recipients are refused one by one, like any other per-item refusal (a number that opts
  // out after this is rejected when its batch job claims it).
  const optedOut = await findOptedOutPhones(requester.accountId, accepted.map((message) => message.to));
  if (optedOut.size > 0) {
    results.forEach((result, index) => {
      if (result.status === "submitted" && optedOut.has(result.to)) {
        results[index] = refused(result.index, result.to, { code: "opted_out", message: `${result.to} has opted out of this account's messages` });
      }
    });
    accepted = accepted.filter((message) => !optedOut.has(message.to));
  }

  const response: SendBatchResponse = {
    accepted: accepted.length,
    refused: results.length - accepted.length,
    cost: accepted.reduce((sum, message) => sum + message.cost, 0),
    results,
  };
  await createBatchMessages(accepted, {
    accountId: requester.accountId,
    apiKeyId: requester.apiKeyId ?? null,
    priority: input.priority,
    idempotency: idempotencyRecordId ? { recordId: idempotencyRecordId, response } : undefined,
  });
  if (accepted.length > 0) {
    try {
      const held = accepted.filter((message) => message.notBefore !== null);
      await enqueueMessageBatches(
        accepted.filter((message) => message.notBefore === null).map((message) => message.id),
        input.priority,
      );
      // Held items of one request share the window's end: one delayed set of jobs.
      if (held.length > 0) await enqueueMessageBatches(held.map((message) => message.id), input.priority, held[0].notBefore!.getTime() - now.getTime());
    } catch (error) {
      log.error("batch enqueue failed; the reconciler will pick the messages up", { count: accepted.length, err: error });
    }
  }
  return { response, stored: accepted.length > 0 };
}
