import { describe, expect, it } from "vitest";
import { storableJson, storableText } from "@/lib/inbound/schemas";

describe("storable inbound text", () => {
  it("replaces NUL and lone surrogates, keeps everything else", () => {
    expect(storableText("a\u0000b")).toBe("a\uFFFDb");
    expect(storableText("x\uD800y\uDC00")).toBe("x\uFFFDy\uFFFD");
    expect(storableText("Habari 😊 ñ € \u200b")).toBe("Habari 😊 ñ € \u200b");
  });

  it("cleans keys and values of nested JSON", () => {
    expect(storableJson({ "k\u0000": ["v\u0000", 1, null, { deep: "\uDFFF" }] })).toEqual({ "k\uFFFD": ["v\uFFFD", 1, null, { deep: "\uFFFD" }] });
  });
});
