import { describe, expect, it } from "vitest";
import { normaliseInboundNumber, toE164 } from "@/lib/inbound-numbers/normalise-number";

describe("inbound number form", () => {
  it("keeps short codes as digits and puts long numbers in E.164", () => {
    expect(normaliseInboundNumber("22384")).toEqual({ number: "22384", kind: "short_code" });
    expect(normaliseInboundNumber(" 22 384 ")).toEqual({ number: "22384", kind: "short_code" });
    expect(normaliseInboundNumber("0712 345 678")).toEqual({ number: "+254712345678", kind: "long_number" });
    expect(normaliseInboundNumber("254712345678")).toEqual({ number: "+254712345678", kind: "long_number" });
    expect(normaliseInboundNumber("+254 20 2222222")).toEqual({ number: "+254202222222", kind: "long_number" });
  });

  it("refuses what is neither", () => {
    expect(normaliseInboundNumber("")).toBeNull();
    expect(normaliseInboundNumber("12")).toBeNull();
    expect(normaliseInboundNumber("SEMALINK")).toBeNull();
    expect(normaliseInboundNumber("+1")).toBeNull();
  });

  it("reads senders in local or international form", () => {
    expect(toE164("0712345678")).toBe("+254712345678");
    expect(toE164("+256 772 123456")).toBe("+256772123456");
    expect(toE164("MPESA")).toBeNull();
  });
});
