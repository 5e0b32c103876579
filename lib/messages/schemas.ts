import { z } from "zod";
import { MessageStatus } from "@/lib/generated/prisma/enums";
import { MESSAGE_EVENT_TYPES } from "@/lib/webhooks/event-types";


const MAX_BODY_CHARACTERS = 2_000;
const MAX_CUSTOM_PAYLOAD_BYTES = 4_096;

// Callers may name events as statuses ("delivered") or event types ("message.delivered"); we
// store event types so the webhook relay compares one form.
const callbackEvent = z
  .string()
  .trim()
  .transform((value) => (value.startsWith("message.") ? value : `message.${value}`))
  .pipe(z.enum(MESSAGE_EVENT_TYPES, { error: `must be one of: ${MESSAGE_EVENT_TYPES.join(", ")}` }));

const callbackUrl = z
  .string()
  .trim()
  .max(2_000)
  .url()
  .refine((value) => /^https?:\/\//i.test(value), "must be an http or https URL");

const customPayload = z
  .unknown()
  .refine((value) => value === null || typeof value === "object", "must be a JSON object or array")
  .refine((value) => JSON.stringify(value).length <= MAX_CUSTOM_PAYLOAD_BYTES, `must be at most ${MAX_CUSTOM_PAYLOAD_BYTES} bytes of JSON`);

export const messageContentInput = z.object({
  to: z.string().trim().min(1, "is required").max(64),
  from: z.string().trim().min(1, "is required").max(20),
  body: z.string().max(MAX_BODY_CHARACTERS, `must be at most ${MAX_BODY_CHARACTERS} characters`),
});

export const sendMessageInput = messageContentInput.extend({
  priority: z.enum(["high", "normal"]).default("normal"),
  callbackUrl: callbackUrl.optional(),
  callbackEvents: z.array(callbackEvent).max(MESSAGE_EVENT_TYPES.length).optional(),
  customPayload: customPayload.optional(),
});

export type SendMessageInput = z.output<typeof sendMessageInput>;
export type MessageContentInput = z.output<typeof messageContentInput>;

/** Preview takes the same fields; `to` and `from` may still be empty while a form is being filled. */
export const previewMessageInput = z.object({
  to: z.string().trim().max(64).default(""),
  from: z.string().trim().max(20).default(""),
  body: z.string().max(MAX_BODY_CHARACTERS, `must be at most ${MAX_BODY_CHARACTERS} characters`).default(""),
});

export type PreviewMessageInput = z.output<typeof previewMessageInput>;

export const listMessagesQuery = z.object({
  status: z
    .union([z.enum(MessageStatus), z.array(z.enum(MessageStatus))])
    .optional()
    .transform((value) => (value === undefined ? undefined : Array.isArray(value) ? value : [value])),
  /** Messages created at or after this instant (ISO 8601). */
  since: z.coerce.date().optional(),
  /** Messages created before this instant (ISO 8601). */
  until: z.coerce.date().optional(),
  /** Recipient in any format the send endpoint accepts. */
  recipient: z.string().trim().min(1).max(64).optional(),
  campaignId: z.string().uuid().optional(),
  cursor: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export type ListMessagesQuery = z.output<typeof listMessagesQuery>;
