import type { SafePostResult } from "@/lib/net/safe-fetch";

/**
 * Longest excerpt of a receiver's answer kept in `lastError` and the attempt log: enough to tell one
 * error from another, too short to read a response back through a webhook.
 */
export const ERROR_EXCERPT_CHARS = 200;

// eslint-disable-next-line no-control-regex -- terminal escape sequences are what this removes
const ANSI_ESCAPE = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;
// Control characters (C0, DEL, C1), invisible formatting (zero-width, bidi overrides), lone surrogates, line separators.
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\u2028\u2029]+/gu;

/** One line of plain printable text, at most `maxChars` characters (an ellipsis marks a cut). */
export function sanitiseExcerpt(text: string, maxChars = ERROR_EXCERPT_CHARS): string {
  const clean = text.replace(ANSI_ESCAPE, " ").replace(UNPRINTABLE, " ").replace(/\s+/g, " ").trim();
  const characters = [...clean];
  return characters.length <= maxChars ? clean : `${characters.slice(0, maxChars - 1).join("")}…`;
}

/**
 * What a delivery attempt records as its error: null on success; `HTTP <status>` with a short
 * sanitised excerpt of the body for an error answer; otherwise our own description (timeout,
 * refused address, connection error). Never the whole body.
 */
export function describeDeliveryOutcome(result: SafePostResult | null, skippedReason?: string): string | null {
  if (!result) return skippedReason ?? null;
  if (result.ok) return null;
  if (result.status !== null) {
    const detail = sanitiseExcerpt(result.errorMessage ?? result.bodySnippet);
    return detail ? `HTTP ${result.status}: ${detail}` : `HTTP ${result.status}`;
  }
  return sanitiseExcerpt(result.errorMessage ?? "Request failed");
}
