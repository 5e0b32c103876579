import { z } from "zod";

/**
 * Postgres `text` and `jsonb` cannot hold U+0000, and UTF-8 cannot encode a surrogate that is not
 * half of a pair. A JavaScript string can hold both (JSON `"\u0000"`, `"\ud800"`), so input that
 * reaches a statement unchecked makes the whole statement fail.
 */
const UNSTORABLE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasUnstorableText(value: string): boolean {
  return UNSTORABLE_TEXT.test(value);
}

/** A zod string (given, or plain) that also refuses text Postgres cannot store. */
export function pgText(schema: z.ZodString = z.string()): z.ZodString {
  return schema.refine((value) => !hasUnstorableText(value), {
    message: "must not contain NUL characters or unpaired surrogates",
  });
}

/**
 * A real date that `timestamptz` can hold. Postgres accepts 4713 BC to 294276 AD, but outside years
 * 1–9999 `Date.toISOString()` writes a signed six-digit year that Postgres reads as a zone offset,
 * so only those years are accepted.
 */
export function isStorableDate(date: Date): boolean {
  const time = date.getTime();
  if (Number.isNaN(time)) return false;
  const year = date.getUTCFullYear();
  return year >= 1 && year <= 9999;
}
