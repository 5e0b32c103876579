/**
 * The single content check run synchronously by the API on each message, by the portal while
 * composing, and by the campaign content worker. It reports every violation, each naming its rule.
 */

import { findBlockedWords } from "@/lib/content/blocklist";
import { countSegments, type SegmentCount } from "@/lib/content/encoding";
import { evaluateSpamRules, type SpamRuleOverrides } from "@/lib/content/rules";

/** Machine-readable error code for a body refused by the content check (422). */
export const CONTENT_REJECTION_CODE = "content_rejected";

export const DEFAULT_MAX_SEGMENTS = 10;

export const CONTENT_RULES = [
  "empty_body",
  "blocklist",
  "url_shortener",
  "excessive_capitals",
  "repeated_punctuation",
  "phishing_phrase",
  "max_segments",
] as const;

export type ContentRule = (typeof CONTENT_RULES)[number];

export interface ContentViolation {
  rule: ContentRule;
  message: string;
  /** The offending word, phrase, domain or run, when the rule is about a specific piece of text. */
  match?: string;
}

export interface ContentCheckOptions {
  /** Platform-wide and account words together (e.g. `[...platformWords, ...accountWords]`). */
  blockedWords?: readonly string[];
  /** Most parts a body may be sent as; a positive integer, default 10. */
  maxSegments?: number;
  rules?: SpamRuleOverrides;
}

export type ContentCheckAccepted = SegmentCount & { ok: true };
export type ContentCheckRejected = SegmentCount & { ok: false; violations: ContentViolation[] };
export type ContentCheckResult = ContentCheckAccepted | ContentCheckRejected;

export function checkContent(body: string, options: ContentCheckOptions = {}): ContentCheckResult {
  const maxSegments = options.maxSegments ?? DEFAULT_MAX_SEGMENTS;
  if (!Number.isInteger(maxSegments) || maxSegments < 1) {
    throw new RangeError(`maxSegments must be a positive integer, got ${maxSegments}`);
  }

  const segmentCount = countSegments(body);

  if (body.trim().length === 0) {
    return {
      ok: false,
      ...segmentCount,
      violations: [{ rule: "empty_body", message: "The message body is empty." }],
    };
  }

  const violations: ContentViolation[] = [
    ...findBlockedWords(body, options.blockedWords ?? []).map(
      (word): ContentViolation => ({
        rule: "blocklist",
        message: `The message contains the blocked word or phrase "${word}".`,
        match: word,
      }),
    ),
    ...evaluateSpamRules(body, options.rules),
  ];

  if (segmentCount.segments > maxSegments) {
    violations.push({
      rule: "max_segments",
      message: `The message needs ${segmentCount.segments} SMS parts (${segmentCount.encoding === "gsm7" ? "GSM-7" : "UCS-2"}); at most ${maxSegments} are allowed.`,
    });
  }

  return violations.length === 0 ? { ok: true, ...segmentCount } : { ok: false, ...segmentCount, violations };
}

/** One line naming each violated rule, for stored rejection reasons and notifications. */
export function formatContentViolations(violations: readonly ContentViolation[]): string {
  return violations.map((violation) => `${violation.rule}: ${violation.message}`).join("; ");
}
