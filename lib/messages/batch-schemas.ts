import { z } from "zod";
import { callbackEvent, callbackUrl, customPayload, MAX_BODY_CHARACTERS, messageClass } from "@/lib/messages/schemas";
import { pgText } from "@/lib/validation/pg-safe";
import { CALLBACK_EVENT_GROUPS, MESSAGE_EVENT_TYPES } from "@/lib/webhooks/event-types";

/** Most messages one `POST /v1/messages/batch` request carries. */
export const MAX_BATCH_MESSAGES = 1_000;
/** A full batch of long, personalised messages with payloads fits; anything larger is refused with 413 unread. */
export const MAX_BATCH_BODY_BYTES = 8 * 1024 * 1024;

const recipient = pgText(z.string().trim().min(1, "is required").max(64));
const sender = pgText(z.string().trim().min(1, "is required").max(20));
const body = pgText(z.string().max(MAX_BODY_CHARACTERS, `must be at most ${MAX_BODY_CHARACTERS} characters`));
const callbackEvents = z.array(callbackEvent).max(MESSAGE_EVENT_TYPES.length + CALLBACK_EVENT_GROUPS.length);

/**
 * One message of a batch, after the request's shared defaults are applied. Each item is checked
 * against this on its own: a bad item is refused in the results, the rest still go.
 */
export const batchMessageItem = z.object({
  to: recipient,
  from: sender,
  body,
  callbackUrl: callbackUrl.optional(),
  callbackEvents: callbackEvents.optional(),
  customPayload: customPayload.optional(),
  callbackBatch: z.boolean().optional(),
  /** Transactional unless the item (or the request) says promotional. */
  class: messageClass.default("transactional"),
});

export type BatchMessageItem = z.output<typeof batchMessageItem>;

/** What a request shares with its items (each item may override any of them). */
const batchDefaults = {
  from: sender.optional(),
  body: body.optional(),
  priority: z.enum(["high", "normal"]).default("normal"),
  callbackUrl: callbackUrl.optional(),
  callbackEvents: callbackEvents.optional(),
  customPayload: customPayload.optional(),
  callbackBatch: z.boolean().optional(),
  class: messageClass.optional(),
};

/**
 * `{ messages: [...] }`: each entry an object with any of `to, from, body, class, callbackUrl,
 * callbackEvents, customPayload, callbackBatch` (validated per item against {@link batchMessageItem}).
 */
export const batchMessagesInput = z.object({
  ...batchDefaults,
  messages: z
    .array(z.record(z.string(), z.unknown()), { error: "must be an array of message objects" })
    .min(1, "must contain at least one message")
    .max(MAX_BATCH_MESSAGES, `must contain at most ${MAX_BATCH_MESSAGES} messages`),
});

/** `{ to: [...], from, body }`: one text to many recipients. */
export const batchRecipientsInput = z.object({
  ...batchDefaults,
  from: sender,
  body,
  to: z
    .array(z.unknown(), { error: "must be an array of phone numbers" })
    .min(1, "must contain at least one recipient")
    .max(MAX_BATCH_MESSAGES, `must contain at most ${MAX_BATCH_MESSAGES} recipients`),
});

export const sendBatchInput = z.union([batchMessagesInput, batchRecipientsInput], {
  error: "must have either `messages` (an array of messages) or `to` (an array of numbers) with `from` and `body`",
});

export type SendBatchInput = z.output<typeof sendBatchInput>;

/**
 * The form a body is in, so its errors name its own fields (a union's error would only say that
 * neither form matched): a body with `messages` is the first form, anything else the second.
 */
export function sendBatchSchemaFor(body: unknown): typeof batchMessagesInput | typeof batchRecipientsInput {
  return body !== null && typeof body === "object" && "messages" in body ? batchMessagesInput : batchRecipientsInput;
}

/** An accepted item: reserved and `submitted`, like a single send's 202. */
export const batchAcceptedResult = z.object({
  index: z.number().int(),
  status: z.literal("submitted"),
  messageId: z.string().uuid(),
  to: z.string(),
  segments: z.number().int(),
  encoding: z.enum(["gsm7", "ucs2"]),
  cost: z.number().int(),
  class: messageClass,
  /** Present when the message is held by the account's quiet hours: when it will be sent. */
  scheduledFor: z.string().optional().meta({ description: "When a promotional message held by quiet hours will be sent (ISO 8601)" }),
});

/** A refused item: nothing was created for it. */
export const batchRefusedResult = z.object({
  index: z.number().int(),
  status: z.literal("refused"),
  to: z.string().nullable(),
  error: z.object({ code: z.string(), message: z.string() }),
});

export const sendBatchResponse = z
  .object({
    accepted: z.number().int(),
    refused: z.number().int(),
    /** Minor units reserved for the accepted messages. */
    cost: z.number().int().meta({ description: "Minor units reserved for the accepted messages" }),
    results: z.array(z.union([batchAcceptedResult, batchRefusedResult])).meta({ description: "One per message, in the request's order" }),
  })
  .meta({ id: "BatchSendResult" });

export type BatchAcceptedResult = z.output<typeof batchAcceptedResult>;
export type BatchRefusedResult = z.output<typeof batchRefusedResult>;
export type SendBatchResponse = z.output<typeof sendBatchResponse>;
