import { describe, expect, it } from "vitest";
import { checkContent } from "@/lib/content/check-content";
import { blockedWordsSchema, maxSegmentsSchema, spamRuleOverridesSchema } from "@/lib/content/schemas";

describe("content settings schemas", () => {
  it("accepts partial rule overrides that checkContent can use directly", () => {
    const rules = spamRuleOverridesSchema.parse({
      urlShorteners: { domains: [" Sho.RT "] },
      excessiveCapitals: { enabled: false },
    });
    expect(rules.urlShorteners?.domains).toEqual(["sho.rt"]);
    expect(checkContent("SEE SHO.RT/X FOR THE FULL OFFER TODAY", { rules })).toMatchObject({
      ok: false,
      violations: [{ rule: "url_shortener", match: "sho.rt" }],
    });
  });

  it("rejects unknown rules, unknown settings and out-of-range thresholds", () => {
    expect(spamRuleOverridesSchema.safeParse({ profanity: { enabled: true } }).success).toBe(false);
    expect(spamRuleOverridesSchema.safeParse({ excessiveCapitals: { ratio: 0.5 } }).success).toBe(false);
    expect(spamRuleOverridesSchema.safeParse({ excessiveCapitals: { uppercaseRatio: 0 } }).success).toBe(false);
    expect(spamRuleOverridesSchema.safeParse({ excessiveCapitals: { uppercaseRatio: 1.5 } }).success).toBe(false);
    expect(spamRuleOverridesSchema.safeParse({ repeatedPunctuation: { minRun: 1 } }).success).toBe(false);
    expect(spamRuleOverridesSchema.safeParse({ repeatedPunctuation: { characters: "" } }).success).toBe(false);
  });

  it("validates blocked words and the segment limit", () => {
    expect(blockedWordsSchema.parse([" casino "])).toEqual(["casino"]);
    expect(blockedWordsSchema.safeParse(["   "]).success).toBe(false);
    expect(maxSegmentsSchema.safeParse(10).success).toBe(true);
    expect(maxSegmentsSchema.safeParse(0).success).toBe(false);
    expect(maxSegmentsSchema.safeParse(256).success).toBe(false);
    expect(maxSegmentsSchema.safeParse(1.5).success).toBe(false);
  });
});
