import { describe, expect, it } from "vitest";
import { containsPhrase, findBlockedWords, findPhrases, normalizeForMatching } from "@/lib/content/blocklist";

describe("normalizeForMatching", () => {
  it("folds case, diacritics, compatibility forms, typographic punctuation and whitespace", () => {
    expect(normalizeForMatching("  Crème\tBRÛLÉE\n\nnow ")).toBe("creme brulee now");
    expect(normalizeForMatching("ＦＲＥＥ ﬁnance")).toBe("free finance");
    expect(normalizeForMatching("You’ve won – M‐PESA")).toBe("you've won - m-pesa");
  });
});

describe("containsPhrase", () => {
  it("matches whole words and phrases only", () => {
    expect(containsPhrase("win big today", "win")).toBe(true);
    expect(containsPhrase("a winner today", "win")).toBe(false);
    expect(containsPhrase("twin peaks", "win")).toBe(false);
    expect(containsPhrase("win, big!", "win big")).toBe(false);
    expect(containsPhrase("(win big)", "win big")).toBe(true);
    expect(containsPhrase("winner win", "win")).toBe(true);
  });

  it("treats non-Latin letters and emoji correctly at the boundaries", () => {
    expect(containsPhrase("жwin", "win")).toBe(false);
    expect(containsPhrase("😀win😀", "win")).toBe(true);
  });

  it("does not require word boundaries around symbol-only entries", () => {
    expect(containsPhrase("earn$$$now", "$$$")).toBe(true);
    expect(containsPhrase("anything", "")).toBe(false);
  });
});

describe("findBlockedWords", () => {
  it("is case- and diacritics-insensitive in both the text and the list", () => {
    expect(findBlockedWords("Get your FRÉE   Money now", ["free money"])).toEqual(["free money"]);
    expect(findBlockedWords("get your free money", ["Frée Money"])).toEqual(["Frée Money"]);
  });

  it("merges platform-wide and account lists and reports a word in both once", () => {
    const platform = ["casino", "loan shark"];
    const account = ["Casino", "betting"];
    expect(findBlockedWords("Casino and betting tonight", platform, account)).toEqual(["casino", "betting"]);
  });

  it("does not match inside longer words and ignores blank entries", () => {
    expect(findBlockedWords("A classic assessment", ["ass", "  ", ""])).toEqual([]);
  });

  it("returns nothing without lists", () => {
    expect(findBlockedWords("anything")).toEqual([]);
    expect(findPhrases("anything", [])).toEqual([]);
  });
});
