import { describe, expect, it } from "vitest";
import { createRateCard, priceMessage } from "@/lib/pricing/rate-card";

const standard = createRateCard({
  tierId: "tier-1",
  tierName: "Standard",
  currency: "KES",
  defaultRate: 80,
  rates: [
    { country: "KE", operator: "Safaricom", ratePerSegment: 80 },
    { country: "KE", operator: "Airtel", ratePerSegment: 70 },
  ],
});

describe("rate card", () => {
  it("uses the operator-specific rate of the tier", () => {
    expect(standard.rateFor("KE", "Safaricom")).toBe(80);
    expect(standard.rateFor("KE", "Airtel")).toBe(70);
  });

  it("matches country and operator regardless of case", () => {
    expect(standard.rateFor("ke", "AIRTEL")).toBe(70);
  });

  it("falls back to the tier default for operators and countries without a rate", () => {
    expect(standard.rateFor("KE", "Equitel")).toBe(80);
    expect(standard.rateFor("UG", "Airtel")).toBe(80);
  });

  it("refuses fractional or negative rates, which would make money non-integer", () => {
    expect(() => createRateCard({ tierId: "t", tierName: "t", currency: "KES", defaultRate: 1.5, rates: [] })).toThrow(/defaultRate/);
    expect(() =>
      createRateCard({ tierId: "t", tierName: "t", currency: "KES", defaultRate: 10, rates: [{ country: "KE", operator: "Airtel", ratePerSegment: -1 }] }),
    ).toThrow(/KE\/Airtel/);
  });
});

describe("priceMessage", () => {
  it("bills every segment at the recipient's rate", () => {
    expect(priceMessage(1, 80)).toBe(80);
    expect(priceMessage(3, 70)).toBe(210);
  });

  it("costs nothing for zero segments or a free rate", () => {
    expect(priceMessage(0, 80)).toBe(0);
    expect(priceMessage(4, 0)).toBe(0);
  });

  it("refuses non-integer segment counts and rates", () => {
    expect(() => priceMessage(1.5, 80)).toThrow(/segments/);
    expect(() => priceMessage(2, 0.5)).toThrow(/ratePerSegment/);
    expect(() => priceMessage(-1, 80)).toThrow(/segments/);
  });
});
