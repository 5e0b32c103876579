import { z } from "zod";
import { MessageStatus } from "@/lib/generated/prisma/enums";
import { keysetCursor } from "@/lib/http/keyset-cursor";
import { storableJson } from "@/lib/validation/json-value";
import { pgDate, pgText } from "@/lib/validation/pg-safe";
import { CALLBACK_EVENT_GROUPS, MESSAGE_EVENT_TYPES } from "@/lib/webhooks/event-types";

export const MAX_BODY_CHARACTERS = 2_000;
const MAX_CUSTOM_PAYLOAD_BYTES = 4_096;
// Deep enough for any real payload; bounded so nothing recursive (JSON.stringify, jsonb input) overflows.
const MAX_CUSTOM_PAYLOAD_DEPTH = 32;

const CALLBACK_EVENT_CHOICES = [...MESSAGE_EVENT_TYPES, ...CALLBACK_EVENT_GROUPS] as const;

// Callers may name events as statuses ("delivered"), event types ("message.delivered") or a group
// ("not_delivered", "pending"); we store event types and groups so the webhook relay compares one form.
export const callbackEvent = z
  .string()
  .trim()
  .transform((value) => (value.startsWith("message.") || (CALLBACK_EVENT_GROUPS as readonly string[]).includes(value) ? value : `message.${value}`))
  .pipe(z.enum(CALLBACK_EVENT_CHOICES, { error: `must be one of: ${CALLBACK_EVENT_CHOICES.join(", ")}` }));

export const callbackUrl = pgText(z.string().trim().max(2_000).url())
  .refine((value) => /^https?:\/\//i.test(value), "must be an http or https URL");

// Echoed back exactly as given: an object, an array, or a string (some clients send their JSON pre-encoded).
export const customPayload = storableJson(
  z.unknown().refine((value) => value === null || typeof value === "object" || typeof value === "string", {
    message: "must be a JSON object, array or string",
    abort: true,
  }),
  { maxDepth: MAX_CUSTOM_PAYLOAD_DEPTH, maxBytes: MAX_CUSTOM_PAYLOAD_BYTES },
);

export const messageContentInput = z.object({
  to: pgText(z.string().trim().min(1, "is required").max(64)),
  from: pgText(z.string().trim().min(1, "is required").max(20)),
  body: pgText(z.string().max(MAX_BODY_CHARACTERS, `must be at most ${MAX_BODY_CHARACTERS} characters`)),
});

/** Promotional traffic waits out the account's quiet hours; transactional traffic never does. */
export const MESSAGE_CLASSES = ["transactional", "promotional"] as const;
export const messageClass = z.enum(MESSAGE_CLASSES, { error: "class must be transactional or promotional" });

export const sendMessageInput = messageContentInput.extend({
  priority: z.enum(["high", "normal"]).default("normal"),
  class: messageClass.default("transactional"),
  callbackUrl: callbackUrl.optional(),
  callbackEvents: z.array(callbackEvent).max(CALLBACK_EVENT_CHOICES.length).optional(),
  customPayload: customPayload.optional(),
  /** The callback receives JSON arrays of events (up to 1,000 per request) instead of one per request. */
  callbackBatch: z.boolean().optional(),
});

export type SendMessageInput = z.output<typeof sendMessageInput>;
export type MessageContentInput = z.output<typeof messageContentInput>;

/** Preview takes the same fields; `to` and `from` may still be empty while a form is being filled. */
export const previewMessageInput = z.object({
  to: pgText(z.string().trim().max(64)).default(""),
  from: pgText(z.string().trim().max(20)).default(""),
  body: pgText(z.string().max(MAX_BODY_CHARACTERS, `must be at most ${MAX_BODY_CHARACTERS} characters`)).default(""),
});

export type PreviewMessageInput = z.output<typeof previewMessageInput>;

export const listMessagesQuery = z.object({
  status: z
    .union([z.enum(MessageStatus), z.array(z.enum(MessageStatus))])
    .optional()
    .transform((value) => (value === undefined ? undefined : Array.isArray(value) ? value : [value])),
  /** Messages created at or after this instant (ISO 8601). */
  since: pgDate().optional(),
  /** Messages created before this instant (ISO 8601). */
  until: pgDate().optional(),
  /** Recipient in any format the send endpoint accepts. */
  recipient: pgText(z.string().trim().min(1).max(64)).optional(),
  campaignId: z.string().uuid().optional(),
  /** `nextCursor` of the previous page. */
  cursor: keysetCursor.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export type ListMessagesQuery = z.output<typeof listMessagesQuery>;
