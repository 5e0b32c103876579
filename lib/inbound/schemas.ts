import { z } from "zod";
import { keysetCursor } from "@/lib/http/keyset-cursor";
import { pgText } from "@/lib/validation/pg-safe";

/** Lone UTF-16 surrogates cannot be encoded as UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text as Postgres (text and jsonb) can store it: NUL (which it cannot hold) and lone surrogates
 * become U+FFFD, every other character is kept as received.
 */
export function storableText(value: string): string {
  return value.replaceAll("\u0000", "\uFFFD").replace(LONE_SURROGATE, "\uFFFD");
}

/** A received JSON value with every string (and key) made storable. */
export function storableJson(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return storableText(value);
  if (depth > 8 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => storableJson(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [storableText(key), storableJson(item, depth + 1)]));
}

/** Longest inbound text kept (a long concatenated SMS is a few thousand characters; the callback body is capped at 64 KB). */
export const MAX_INBOUND_TEXT = 65_536;

/**
 * One mobile-originated message as any provider hands it over (`inbound.receive` job payload):
 * the Celcom callback builds it today, an SMPP `deliver_sm` handler will build the same thing.
 */
export const inboundSmsJob = z.object({
  provider: z.string().min(1).max(32),
  /** The sender as received (normalised to E.164 by the worker when it is a phone number). */
  from: z.string().min(1).max(64),
  /** Our number as received: a short code or long number. */
  to: z.string().min(1).max(64),
  text: z.string().max(MAX_INBOUND_TEXT),
  /** Provider's id of the message: retries with the same id are stored once. */
  providerMessageId: z.string().min(1).max(128).nullable(),
  /** When the provider says the message was received (ISO 8601), if it said. */
  providerTimestamp: z.string().nullable(),
  /** When we accepted it (ISO 8601). */
  receivedAt: z.string(),
  /** The provider's fields as received, kept for audit. */
  payload: z.record(z.string(), z.unknown()),
});
export type InboundSmsJob = z.infer<typeof inboundSmsJob>;

export const listInboundMessagesQuery = z.object({
  /** The sender, in any format a send accepts. */
  phone: pgText(z.string().trim().min(1).max(64)).optional(),
  cursor: keysetCursor.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListInboundMessagesQuery = z.output<typeof listInboundMessagesQuery>;
