import { describe, expect, it } from "vitest";
import { z } from "zod";
import { hasUnstorableText, isStorableDate, pgDate, pgText } from "@/lib/validation/pg-safe";

describe("hasUnstorableText", () => {
  it.each([
    ["plain", false],
    ["emoji 😀 and 漢字", false],
    ["", false],
    ["nul \u0000 inside", true],
    ["lone high \ud800", true],
    ["\udc00 lone low", true],
    ["reversed pair \udc00\ud800", true],
  ])("%j → %s", (value, expected) => {
    expect(hasUnstorableText(value)).toBe(expected);
  });
});

describe("pgText", () => {
  const schema = z.object({ name: pgText(z.string().trim().min(1).max(10)) });

  it("keeps the wrapped schema's checks and transforms", () => {
    expect(schema.parse({ name: "  Ann " })).toEqual({ name: "Ann" });
    expect(schema.safeParse({ name: "x".repeat(11) }).success).toBe(false);
  });

  it("refuses NUL and unpaired surrogates on the field", () => {
    for (const name of ["a\u0000", "\ud83d"]) {
      const result = schema.safeParse({ name });
      expect(result.success).toBe(false);
      expect(result.error!.issues[0]).toMatchObject({ path: ["name"], message: "must not contain NUL characters or unpaired surrogates" });
    }
  });

  it("defaults to a plain string", () => {
    expect(pgText().safeParse("\u0000").success).toBe(false);
    expect(pgText().parse("ok")).toBe("ok");
  });
});

describe("isStorableDate", () => {
  it("accepts years 1 through 9999 and nothing else", () => {
    expect(isStorableDate(new Date("0001-01-01T00:00:00Z"))).toBe(true);
    expect(isStorableDate(new Date("9999-12-31T23:59:59.999Z"))).toBe(true);
    expect(isStorableDate(new Date("0000-12-31T23:59:59Z"))).toBe(false);
    expect(isStorableDate(new Date("+010000-01-01T00:00:00Z"))).toBe(false);
    expect(isStorableDate(new Date(8.64e15))).toBe(false);
    expect(isStorableDate(new Date(Number.NaN))).toBe(false);
  });
});

describe("pgDate", () => {
  const schema = z.object({ since: pgDate() });

  it.each(["2024-05-01", "2024-05-01T10:00:00Z", "2024-05-01T10:00:00.123+03:00", "2024-05-01T10:00+0300"])("reads %s", (since) => {
    expect(schema.parse({ since }).since).toBeInstanceOf(Date);
  });

  it("takes Date objects from server code", () => {
    const now = new Date();
    expect(schema.parse({ since: now }).since).toEqual(now);
  });

  it.each([
    "-005000-01-01T00:00:00Z",
    "+275760-09-13T00:00:00Z",
    8.64e15,
    "8.64e15",
    "2024-13-45",
    "0000-01-01",
    "2024-05-01T10:00:00",
    "yesterday",
    true,
    null,
  ])("refuses %j on the field", (since) => {
    const result = schema.safeParse({ since });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({ path: ["since"], message: "must be a date between years 1 and 9999" });
  });
});
