import { z } from "zod";

/**
 * What Postgres can store. Text columns refuse NUL (`\u0000`); an unpaired UTF-16 surrogate cannot
 * be encoded as UTF-8 (and jsonb refuses both as `\u` escapes). Timestamps beyond year 9999 or
 * before year 1 do not round-trip through ISO strings and Postgres's timestamp range. Client input
 * that breaks these would otherwise reach the database and fail there as a 500.
 */

// A high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const UNSTORABLE_TEXT_MESSAGE = "must not contain NUL characters or unpaired surrogates";
const UNSTORABLE_DATE_MESSAGE = "must be a date between years 1 and 9999";

/** True when the string has a NUL character or an unpaired surrogate. */
export function hasUnstorableText(value: string): boolean {
  return value.includes("\u0000") || UNPAIRED_SURROGATE.test(value);
}

/** A zod string (the given one, or a plain `z.string()`) that refuses text Postgres cannot store. */
export function pgText(schema: z.ZodString = z.string()): z.ZodString {
  return schema.refine((value) => !hasUnstorableText(value), UNSTORABLE_TEXT_MESSAGE);
}

/** A valid date whose UTC year is 1..9999. */
export function isStorableDate(date: Date): boolean {
  const time = date.getTime();
  if (Number.isNaN(time)) return false;
  const year = date.getUTCFullYear();
  return year >= 1 && year <= 9999;
}

// ISO 8601: a calendar date, optionally with a time and then a Z or a numeric offset (a time
// without an offset would be read in the server's zone).
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?))?$/i;

function toDate(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const text = value.trim();
  return ISO_DATE_TIME.test(text) ? new Date(text) : value;
}

/**
 * An ISO 8601 date or date-time string (or a Date, for server-side callers) that Postgres can
 * store; every other input is refused with the same message.
 */
export function pgDate() {
  return z.preprocess(toDate, z.date({ error: UNSTORABLE_DATE_MESSAGE }).refine(isStorableDate, UNSTORABLE_DATE_MESSAGE));
}
