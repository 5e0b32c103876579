import { describe, expect, it } from "vitest";
import { leadingWords, normaliseKeyword } from "@/lib/keywords/keyword-text";
import { requiredKeywordAction, standardAction } from "@/lib/keywords/standard-keywords";

describe("keyword text", () => {
  it("reads the first words case-insensitively, without the punctuation around them", () => {
    expect(leadingWords("stop")).toEqual(["STOP"]);
    expect(leadingWords("  Stop.  please send no more")).toEqual(["STOP", "PLEASE"]);
    expect(leadingWords("¡start!")).toEqual(["START"]);
    expect(leadingWords("\u200bSTOP\u00a0ACME")).toEqual(["STOP", "ACME"]);
    expect(leadingWords("... ?? price")).toEqual(["PRICE"]);
    expect(leadingWords("")).toEqual([]);
    expect(leadingWords("   \n\t ")).toEqual([]);
    expect(leadingWords("habari yako", 1)).toEqual(["HABARI"]);
  });

  it("accepts one word of letters or digits of any script as a keyword", () => {
    expect(normaliseKeyword(" promo ")).toBe("PROMO");
    expect(normaliseKeyword("ofa2025")).toBe("OFA2025");
    expect(normaliseKeyword("née")).toBe("NÉE");
    expect(normaliseKeyword("two words")).toBeNull();
    expect(normaliseKeyword("")).toBeNull();
    expect(normaliseKeyword("a".repeat(21))).toBeNull();
    expect(normaliseKeyword("stop!")).toBeNull();
  });

  it("knows the standard words and which action an override must keep", () => {
    expect(["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"].map(standardAction)).toEqual(Array(6).fill("opt_out"));
    expect(["START", "UNSTOP", "YES"].map(standardAction)).toEqual(["opt_in", "opt_in", "opt_in"]);
    expect(standardAction("HELP")).toBe("help");
    expect(standardAction("CONSTRUCTOR")).toBeNull();
    expect(standardAction("PROMO")).toBeNull();
    expect(requiredKeywordAction("HELP")).toBe("reply");
    expect(requiredKeywordAction("QUIT")).toBe("opt_out");
    expect(requiredKeywordAction("PROMO")).toBeNull();
  });
});
