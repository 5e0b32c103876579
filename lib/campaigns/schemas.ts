import { z } from "zod";
import { storableJson } from "@/lib/validation/json-value";
import { messageClass } from "@/lib/messages/schemas";
import { pgDate, pgText } from "@/lib/validation/pg-safe";

import { ACCOUNT_EVENT_TYPES, MESSAGE_EVENT_TYPES } from "@/lib/webhooks/event-types";

const MESSAGE_STATUSES = ["submitted", "sent", "delivered", "failed", "expired", "undeliverable", "rejected"] as const;

/** What a campaign callback may subscribe to: message events or statuses, campaign events, "not_delivered", "*". */
export const CAMPAIGN_CALLBACK_EVENTS = [
  "*",
  "not_delivered",
  "pending",
  ...MESSAGE_STATUSES,
  ...MESSAGE_EVENT_TYPES,
  ...ACCOUNT_EVENT_TYPES.filter((type) => type.startsWith("campaign.")),
] as const;

/** Same bounds as a single message's customPayload (`lib/messages/schemas.ts`). */
const MAX_CUSTOM_PAYLOAD_BYTES = 4_096;
const MAX_CUSTOM_PAYLOAD_DEPTH = 32;

export const createCampaignInput = z.object({
  name: pgText(z.string().trim().min(1, "Name is required").max(120)),
  from: pgText(z.string().trim().min(1, "Sender ID is required").max(11)),
  body: pgText(z.string().min(1, "Message is required").max(4_000)),
  contactListId: z.string().uuid("Choose a contact list"),
  sendAt: pgDate().optional(),
  priority: z.enum(["normal", "high"]).default("normal"),
  // Default promotional (applied by createCampaign, so callers building the input may leave it out).
  class: messageClass.optional(),
  /** At most this many eligible recipients, in list order. */
  maxMessages: z.number().int("must be a whole number").min(1, "must be at least 1").max(10_000_000, "must be at most 10000000").optional(),
  /** Spread the campaign's sends at this many messages per minute. */
  sendRatePerMinute: z.number().int("must be a whole number").min(1, "must be at least 1").max(100_000, "must be at most 100000").optional(),
  callbackUrl: pgText(z.string().url().max(2_000)).refine((url) => /^https?:\/\//i.test(url), "Callback URL must be http(s)").optional(),
  callbackEvents: z.array(z.enum(CAMPAIGN_CALLBACK_EVENTS)).max(CAMPAIGN_CALLBACK_EVENTS.length).optional(),
  customPayload: storableJson(z.record(z.string(), z.unknown()), { maxDepth: MAX_CUSTOM_PAYLOAD_DEPTH, maxBytes: MAX_CUSTOM_PAYLOAD_BYTES }).optional(),
});
export type CreateCampaignInput = z.infer<typeof createCampaignInput>;

/** A whole number typed into the wizard (max messages, rate): empty means not set. */
export function optionalFormCount(text: unknown): number | undefined | string {
  if (typeof text !== "string" || text.trim() === "") return undefined;
  return /^\d{1,9}$/.test(text.trim()) ? Number(text.trim()) : text;
}

/** Most recipients a campaign may name inline (`dests`) instead of a contact list. */
export const MAX_INLINE_RECIPIENTS = 10_000;

/** A campaign to numbers given inline: they become a contact list of their own, validated at once. */
export const createCampaignWithRecipientsInput = createCampaignInput.omit({ contactListId: true }).extend({
  dests: z
    .array(pgText(z.string().trim().min(1, "is required").max(64)), { error: "must be an array of phone numbers" })
    .min(1, "Give at least one number")
    .max(MAX_INLINE_RECIPIENTS, `must contain at most ${MAX_INLINE_RECIPIENTS} numbers`),
});
export type CreateCampaignWithRecipientsInput = z.infer<typeof createCampaignWithRecipientsInput>;

/** `POST /v1/campaigns`: either a `contactListId` or inline `dests` (documented as this union). */
export const createCampaignRequest = z.union([createCampaignInput, createCampaignWithRecipientsInput], {
  error: "must name either a contactListId or dests (an array of numbers)",
});

/**
 * The form a body is in, so its errors name its own fields (a union's error would only say that
 * neither form matched): a body with `dests` names its recipients inline, anything else a list.
 */
export function createCampaignSchemaFor(body: unknown): typeof createCampaignInput | typeof createCampaignWithRecipientsInput {
  return body !== null && typeof body === "object" && "dests" in body ? createCampaignWithRecipientsInput : createCampaignInput;
}

export const listCampaignsQuery = z.object({
  status: z.enum(["pending_content_check", "rejected", "scheduled", "queued", "completed", "cancelled"]).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const listCampaignMessagesQuery = z.object({
  status: z.enum(["submitted", "queued", "sent", "delivered", "failed", "expired", "undeliverable", "rejected"]).optional(),
  to: pgText(z.string().trim().max(20)).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().uuid().optional(),
});
export type ListCampaignMessagesQuery = z.infer<typeof listCampaignMessagesQuery>;
