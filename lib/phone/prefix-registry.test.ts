import { describe, expect, it } from "vitest";
import { createPrefixRegistry } from "@/lib/phone/prefix-registry";

describe("createPrefixRegistry", () => {
  const registry = createPrefixRegistry([
    { country: "KE", prefix: "7", operator: "Generic" },
    { country: "KE", prefix: "71", operator: "Safaricom" },
    { country: "KE", prefix: "712", operator: "Special" },
    { country: "KE", prefix: "7123", operator: "Narrow" },
    { country: "KE", prefix: "110", operator: "Safaricom" },
    { country: "UG", prefix: "77", operator: "MTN" },
  ]);

  it("returns the operator of the longest matching prefix", () => {
    expect(registry.lookup("KE", "712345678")).toBe("Narrow");
    expect(registry.lookup("KE", "712045678")).toBe("Special");
    expect(registry.lookup("KE", "713345678")).toBe("Safaricom");
    expect(registry.lookup("KE", "790000000")).toBe("Generic");
    expect(registry.lookup("KE", "110123456")).toBe("Safaricom");
  });

  it("returns null when no prefix matches", () => {
    expect(registry.lookup("KE", "111123456")).toBeNull();
    expect(registry.lookup("KE", "")).toBeNull();
    expect(registry.lookup("KE", "x12345678")).toBeNull();
  });

  it("keeps countries apart", () => {
    expect(registry.lookup("UG", "772123456")).toBe("MTN");
    expect(registry.lookup("KE", "772123456")).toBe("Generic");
    expect(registry.lookup("UG", "712345678")).toBeNull();
    expect(registry.lookup("TZ", "772123456")).toBeNull();
  });

  it("reports its countries and size", () => {
    expect([...registry.countries].sort()).toEqual(["KE", "UG"]);
    expect(registry.size).toBe(6);
  });

  it("accepts an exact duplicate and rejects a conflicting one", () => {
    const rows = [
      { country: "KE", prefix: "700", operator: "Safaricom" },
      { country: "KE", prefix: "700", operator: "Safaricom" },
    ];
    expect(createPrefixRegistry(rows).size).toBe(1);
    expect(() => createPrefixRegistry([...rows, { country: "KE", prefix: "700", operator: "Airtel" }])).toThrow(
      /both Safaricom and Airtel/,
    );
  });

  it.each([
    { country: "KE", prefix: "", operator: "Safaricom" },
    { country: "KE", prefix: "7a0", operator: "Safaricom" },
    { country: "KE", prefix: "+254700", operator: "Safaricom" },
    { country: "", prefix: "700", operator: "Safaricom" },
    { country: "KE", prefix: "700", operator: "" },
  ])("rejects the malformed row %j", (row) => {
    expect(() => createPrefixRegistry([row])).toThrow(/Invalid MNO prefix row/);
  });

  it("is empty when built from no rows", () => {
    const empty = createPrefixRegistry([]);
    expect(empty.size).toBe(0);
    expect(empty.countries.size).toBe(0);
    expect(empty.lookup("KE", "712345678")).toBeNull();
  });
});
