import { fc, it as propertyIt } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { hasUnstorableText, isStorableDate, pgText } from "@/lib/validation/pg-safe";
import { z } from "zod";

describe("hasUnstorableText", () => {
  it("finds NUL and unpaired surrogates anywhere, and nothing else", () => {
    for (const bad of ["\u0000", "a\u0000b", "\ud800", "x\udfff", "\udc00\ud800", "\ud83d", "ok\ude00"]) expect(hasUnstorableText(bad)).toBe(true);
    for (const good of ["", "plain", "\ud83d\ude00", "tab\tnew\nline\u0001", "Kiswahili: habari", "\uffff"]) expect(hasUnstorableText(good)).toBe(false);
  });

  propertyIt.prop([fc.string({ unit: "binary" })], { seed: 20261201, numRuns: 300 })("well-formed text without NUL is storable", (text) => {
    expect(hasUnstorableText(text.replaceAll("\u0000", ""))).toBe(false);
  });
});

describe("pgText", () => {
  it("refines a given schema, keeping its own checks, with one clear message", () => {
    const schema = pgText(z.string().trim().max(5));
    expect(schema.parse("  abc ")).toBe("abc");
    expect(schema.safeParse("abcdef").success).toBe(false);
    const refused = pgText().safeParse("a\u0000");
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0].message).toBe("must not contain NUL characters or unpaired surrogates");
  });
});

describe("isStorableDate", () => {
  it("accepts years 1 to 9999 and refuses invalid or out-of-range dates", () => {
    expect(isStorableDate(new Date("2026-12-01T00:00:00Z"))).toBe(true);
    expect(isStorableDate(new Date("0001-01-01T00:00:00Z"))).toBe(true);
    expect(isStorableDate(new Date("9999-12-31T23:59:59.999Z"))).toBe(true);
    expect(isStorableDate(new Date("+010000-01-01T00:00:00Z"))).toBe(false);
    expect(isStorableDate(new Date("99999-01-01 00:00:00"))).toBe(false);
    expect(isStorableDate(new Date("-000001-01-01T00:00:00Z"))).toBe(false);
    expect(isStorableDate(new Date(Number.NaN))).toBe(false);
  });
});
