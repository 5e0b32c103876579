/**
 * When a failed webhook delivery is tried again. The first attempt is immediate; the schedule lists
 * the delay before each retry, so a schedule of n delays means n + 1 attempts. The default gives
 * 10 retries, 11 attempts in all, over about 34.7 hours (a delivery is discarded after the tenth
 * retry, as receivers built for other gateways expect). See docs/webhooks.md for the published table.
 */

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

export const DEFAULT_RETRY_SCHEDULE_MS: readonly number[] = [
  5 * SECOND,
  30 * SECOND,
  2 * MINUTE,
  10 * MINUTE,
  30 * MINUTE,
  1 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  12 * HOUR,
];

/** Each scheduled delay is spread by up to ±20% so endpoints that failed together do not retry in lockstep. */
export const JITTER_RATIO = 0.2;

/** A receiver's Retry-After is honoured up to this long; beyond it the endpoint is treated as down. */
export const MAX_RETRY_AFTER_MS = 12 * HOUR;

const RETRY_AFTER_STATUSES = new Set([429, 503]);

export interface NextAttemptOptions {
  schedule?: readonly number[];
  /** The response's Retry-After header (delta-seconds or HTTP date), if any. */
  retryAfterHeader?: string | null;
  /** The response status; Retry-After is only honoured for 429 and 503 (or when status is omitted). */
  status?: number | null;
  /** Source of randomness in [0, 1) for jitter; injectable for deterministic tests. */
  random?: () => number;
  /** Current time in ms, for resolving an HTTP-date Retry-After. */
  now?: number;
  maxRetryAfterMs?: number;
}

export function maxAttempts(schedule: readonly number[] = DEFAULT_RETRY_SCHEDULE_MS): number {
  return schedule.length + 1;
}

/**
 * Milliseconds to wait before the next attempt, after attempt number `attemptNumber` (1-based) failed,
 * or null when that was the last attempt. A Retry-After on 429/503 can postpone the retry (up to
 * `maxRetryAfterMs`) but never bring it forward: the result is the later of the two.
 */
export function nextAttemptDelay(attemptNumber: number, options: NextAttemptOptions = {}): number | null {
  if (!Number.isInteger(attemptNumber) || attemptNumber < 1) {
    throw new RangeError(`attemptNumber must be a positive integer, got ${attemptNumber}`);
  }
  const schedule = options.schedule ?? DEFAULT_RETRY_SCHEDULE_MS;
  if (attemptNumber > schedule.length) return null;

  const random = options.random ?? Math.random;
  const scheduled = schedule[attemptNumber - 1];
  const jittered = Math.round(scheduled * (1 + JITTER_RATIO * (2 * random() - 1)));

  const honoursRetryAfter = options.status == null || RETRY_AFTER_STATUSES.has(options.status);
  if (!honoursRetryAfter || !options.retryAfterHeader) return jittered;
  const requested = parseRetryAfter(options.retryAfterHeader, options.now);
  if (requested === null) return jittered;
  return Math.max(jittered, Math.min(requested, options.maxRetryAfterMs ?? MAX_RETRY_AFTER_MS));
}

/**
 * Retry-After as milliseconds from `now`: either delta-seconds (`120`) or an HTTP date
 * (`Wed, 21 Oct 2026 07:28:00 GMT`). A date in the past means 0. Null when unparseable.
 */
export function parseRetryAfter(value: string, now: number = Date.now()): number | null {
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * SECOND;
  if (!/[a-z]/i.test(text)) return null;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now);
}

/**
 * Parses WEBHOOK_RETRY_SCHEDULE_MS (comma-separated retry delays in ms, e.g. "100,100,100" for
 * 4 attempts in tests). Unset or blank means the default schedule; anything malformed throws so a
 * typo cannot silently change delivery behaviour.
 */
export function parseScheduleEnv(value: string | undefined): readonly number[] {
  if (value === undefined || value.trim() === "") return DEFAULT_RETRY_SCHEDULE_MS;
  const parts = value.split(",").map((part) => part.trim());
  if (!parts.every((part) => /^\d+$/.test(part))) {
    throw new Error(`WEBHOOK_RETRY_SCHEDULE_MS must be comma-separated non-negative integers (ms), got "${value}"`);
  }
  return parts.map(Number);
}
