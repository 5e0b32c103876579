import { z } from "zod";

/**
 * Postgres `text` and `jsonb` cannot hold U+0000, and a surrogate that is not half of a pair is not
 * a character at all: `jsonb` refuses its `\ud800` escape, and as text it is silently replaced.
 * A JavaScript string can hold both (JSON `"\u0000"`, `"\ud800"`), so input that reaches a
 * statement unchecked can make the whole statement fail.
 */
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasUnstorableText(value: string): boolean {
  return value.includes("\u0000") || UNPAIRED_SURROGATE.test(value);
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
