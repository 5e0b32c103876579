import { describe, expect, it } from "vitest";
import {
  DEFAULT_RETRY_SCHEDULE_MS,
  MAX_RETRY_AFTER_MS,
  maxAttempts,
  nextAttemptDelay,
  parseRetryAfter,
  parseScheduleEnv,
} from "@/lib/webhooks/retry-schedule";

const noJitter = () => 0.5;
const lowest = () => 0;
const highest = () => 0.999999;
const HOUR = 3_600_000;

describe("default schedule", () => {
  it("makes 11 attempts (the first and 10 retries) over about a day and a half", () => {
    expect(maxAttempts()).toBe(11);
    const total = DEFAULT_RETRY_SCHEDULE_MS.reduce((sum, delay) => sum + delay, 0);
    expect(total).toBe(124_955_000);
    expect(total / HOUR).toBeCloseTo(34.7, 1);
  });

  it("follows the documented delays", () => {
    const delays = Array.from({ length: 10 }, (_, i) => nextAttemptDelay(i + 1, { random: noJitter }));
    expect(delays).toEqual([5_000, 30_000, 120_000, 600_000, 1_800_000, HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, 12 * HOUR]);
  });

  it("stops after the tenth retry (the eleventh attempt)", () => {
    expect(nextAttemptDelay(10, { random: noJitter })).toBe(12 * HOUR);
    expect(nextAttemptDelay(11)).toBeNull();
    expect(nextAttemptDelay(12)).toBeNull();
  });

  it("rejects attempt numbers that are not positive integers", () => {
    expect(() => nextAttemptDelay(0)).toThrow(RangeError);
    expect(() => nextAttemptDelay(1.5)).toThrow(RangeError);
  });
});

describe("jitter", () => {
  it("spreads delays by at most ±20%", () => {
    expect(nextAttemptDelay(1, { random: lowest })).toBe(4_000);
    expect(nextAttemptDelay(1, { random: highest })).toBe(6_000);
    for (let i = 0; i < 200; i += 1) {
      const delay = nextAttemptDelay(5) as number;
      expect(delay).toBeGreaterThanOrEqual(1_440_000);
      expect(delay).toBeLessThanOrEqual(2_160_000);
    }
  });
});

describe("Retry-After", () => {
  const now = Date.parse("2026-03-01T12:00:00Z");

  it("postpones the retry to the receiver's Retry-After seconds on 429 and 503", () => {
    expect(nextAttemptDelay(1, { status: 429, retryAfterHeader: "120", random: noJitter })).toBe(120_000);
    expect(nextAttemptDelay(1, { status: 503, retryAfterHeader: "120", random: noJitter })).toBe(120_000);
  });

  it("accepts an HTTP date", () => {
    expect(
      nextAttemptDelay(1, { status: 429, retryAfterHeader: "Sun, 01 Mar 2026 12:10:00 GMT", now, random: noJitter }),
    ).toBe(600_000);
  });

  it("never brings a retry forward", () => {
    expect(nextAttemptDelay(6, { status: 429, retryAfterHeader: "1", random: noJitter })).toBe(HOUR);
  });

  it("is capped", () => {
    expect(nextAttemptDelay(1, { status: 429, retryAfterHeader: String(7 * 24 * 3_600), random: noJitter })).toBe(MAX_RETRY_AFTER_MS);
    expect(nextAttemptDelay(1, { status: 429, retryAfterHeader: "600", random: noJitter, maxRetryAfterMs: 60_000 })).toBe(60_000);
  });

  it("is ignored for other statuses and when unparseable", () => {
    expect(nextAttemptDelay(1, { status: 500, retryAfterHeader: "120", random: noJitter })).toBe(5_000);
    expect(nextAttemptDelay(1, { status: 429, retryAfterHeader: "later please", random: noJitter })).toBe(5_000);
    expect(nextAttemptDelay(1, { status: 429, retryAfterHeader: null, random: noJitter })).toBe(5_000);
  });

  it("still ends after the last attempt", () => {
    expect(nextAttemptDelay(11, { status: 429, retryAfterHeader: "5" })).toBeNull();
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-03-01T12:00:00Z");

  it("parses delta-seconds and HTTP dates", () => {
    expect(parseRetryAfter("0", now)).toBe(0);
    expect(parseRetryAfter(" 30 ", now)).toBe(30_000);
    expect(parseRetryAfter("Sun, 01 Mar 2026 12:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Sun, 01 Mar 2026 11:00:00 GMT", now)).toBe(0);
  });

  it("returns null for garbage", () => {
    expect(parseRetryAfter("", now)).toBeNull();
    expect(parseRetryAfter("-5", now)).toBeNull();
    expect(parseRetryAfter("1.5", now)).toBeNull();
    expect(parseRetryAfter("tomorrow-ish", now)).toBeNull();
  });
});

describe("parseScheduleEnv", () => {
  it("uses the default schedule when unset or blank", () => {
    expect(parseScheduleEnv(undefined)).toBe(DEFAULT_RETRY_SCHEDULE_MS);
    expect(parseScheduleEnv("  ")).toBe(DEFAULT_RETRY_SCHEDULE_MS);
  });

  it("parses a short schedule for tests", () => {
    const schedule = parseScheduleEnv("100, 100,250");
    expect(schedule).toEqual([100, 100, 250]);
    expect(maxAttempts(schedule)).toBe(4);
    expect(nextAttemptDelay(3, { schedule, random: noJitter })).toBe(250);
    expect(nextAttemptDelay(4, { schedule })).toBeNull();
  });

  it("throws on malformed values", () => {
    for (const value of ["100,,100", "100,abc", "-1", "1.5", "100;200"]) {
      expect(() => parseScheduleEnv(value)).toThrow(/WEBHOOK_RETRY_SCHEDULE_MS/);
    }
  });
});
