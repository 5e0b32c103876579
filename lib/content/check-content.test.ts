import { describe, expect, it } from "vitest";
import {
  CONTENT_REJECTION_CODE,
  CONTENT_RULES,
  DEFAULT_MAX_SEGMENTS,
  checkContent,
  formatContentViolations,
  type ContentCheckResult,
} from "@/lib/content/check-content";

function rulesOf(result: ContentCheckResult): string[] {
  return result.ok ? [] : result.violations.map((violation) => violation.rule);
}

describe("checkContent", () => {
  it("accepts a clean body and reports its encoding and segments", () => {
    expect(checkContent("Habari Amina, your order 1042 is ready for pickup at Westlands.")).toEqual({
      ok: true,
      encoding: "gsm7",
      segments: 1,
      units: 63,
      perSegment: 160,
      charactersLeft: 97,
      length: 63,
    });
    expect(checkContent("Karibu 😀")).toMatchObject({ ok: true, encoding: "ucs2", segments: 1, units: 9 });
  });

  it("rejects an empty or blank body as empty_body and nothing else", () => {
    for (const body of ["", "   \n\t"]) {
      const result = checkContent(body, { blockedWords: [" "] });
      expect(result.ok).toBe(false);
      expect(rulesOf(result)).toEqual(["empty_body"]);
    }
    expect(checkContent("")).toMatchObject({ segments: 0, encoding: "gsm7" });
  });

  it("rejects blocked words from the supplied list, naming the rule and the word", () => {
    const result = checkContent("Best CASINO bonuses in town", { blockedWords: ["casino", "betting"] });
    expect(result).toMatchObject({
      ok: false,
      violations: [{ rule: "blocklist", match: "casino", message: expect.stringContaining("casino") }],
    });
  });

  it("enforces the default limit of 10 segments", () => {
    expect(DEFAULT_MAX_SEGMENTS).toBe(10);
    expect(checkContent("a".repeat(153 * 10))).toMatchObject({ ok: true, segments: 10 });
    const tooLong = checkContent("a".repeat(153 * 10 + 1));
    expect(tooLong).toMatchObject({ ok: false, segments: 11, encoding: "gsm7" });
    expect(rulesOf(tooLong)).toEqual(["max_segments"]);
    expect(checkContent("й".repeat(67 * 10 + 1))).toMatchObject({ ok: false, segments: 11, encoding: "ucs2" });
  });

  it("honours a configured segment limit and refuses a nonsensical one", () => {
    expect(rulesOf(checkContent("a".repeat(161), { maxSegments: 1 }))).toEqual(["max_segments"]);
    expect(checkContent("a".repeat(160), { maxSegments: 1 }).ok).toBe(true);
    expect(() => checkContent("hi", { maxSegments: 0 })).toThrow(RangeError);
    expect(() => checkContent("hi", { maxSegments: 2.5 })).toThrow(RangeError);
  });

  it("returns every violation, not just the first", () => {
    const body = `YOU HAVE WON A BRAND NEW CASINO CAR!!!! CLAIM AT BIT.LY/CAR ${"X".repeat(300)}`;
    const result = checkContent(body, { blockedWords: ["casino"], maxSegments: 2 });
    expect(rulesOf(result)).toEqual([
      "blocklist",
      "url_shortener",
      "excessive_capitals",
      "repeated_punctuation",
      "phishing_phrase",
      "max_segments",
    ]);
    expect(result).toMatchObject({ ok: false, encoding: "gsm7", segments: 3 });
  });

  it("applies spam rule overrides", () => {
    const body = "Wow!!!! great";
    expect(rulesOf(checkContent(body))).toEqual(["repeated_punctuation"]);
    expect(checkContent(body, { rules: { repeatedPunctuation: { enabled: false } } }).ok).toBe(true);
    expect(rulesOf(checkContent("Wow!! great", { rules: { repeatedPunctuation: { minRun: 2 } } }))).toEqual([
      "repeated_punctuation",
    ]);
  });

  it("names only known rules and exposes the rejection code", () => {
    expect(CONTENT_REJECTION_CODE).toBe("content_rejected");
    const result = checkContent("verify your account at bit.ly/x", { blockedWords: ["account"] });
    for (const rule of rulesOf(result)) expect(CONTENT_RULES).toContain(rule);
  });
});

describe("formatContentViolations", () => {
  it("joins each rule and message into one reason line", () => {
    expect(
      formatContentViolations([
        { rule: "blocklist", message: "Blocked word.", match: "x" },
        { rule: "max_segments", message: "Too long." },
      ]),
    ).toBe("blocklist: Blocked word.; max_segments: Too long.");
  });
});
