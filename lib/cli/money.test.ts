import { describe, expect, it } from "vitest";
import { formatKes, parseKesAmount } from "@/lib/cli/money";

describe("parseKesAmount", () => {
  it("converts whole and decimal KES to exact cents", () => {
    expect(parseKesAmount("1000")).toBe(100_000);
    expect(parseKesAmount("1,000.5")).toBe(100_050);
    expect(parseKesAmount("0.07")).toBe(7);
    expect(parseKesAmount("19.99")).toBe(1_999);
  });

  it("rejects anything that is not a positive amount with at most two decimals", () => {
    for (const bad of ["", "abc", "-5", "1.234", "0", "1e3"]) expect(() => parseKesAmount(bad)).toThrow();
  });
});

describe("formatKes", () => {
  it("formats minor units with two decimals", () => {
    expect(formatKes(123_456)).toBe("KES 1,234.56");
    expect(formatKes(5n)).toBe("KES 0.05");
  });
});
