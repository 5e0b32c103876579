import { describe, expect, it } from "vitest";
import { evaluateMessage, issueToError, type SendContext } from "@/lib/messages/evaluate-message";
import { createPrefixRegistry } from "@/lib/phone/prefix-registry";
import { createRateCard } from "@/lib/pricing/rate-card";

const registry = createPrefixRegistry([
  { country: "KE", prefix: "712", operator: "Safaricom" },
  { country: "KE", prefix: "733", operator: "Airtel" },
]);
const rateCard = createRateCard({
  tierId: "t",
  tierName: "Standard",
  currency: "KES",
  defaultRate: 80,
  rates: [{ country: "KE", operator: "Airtel", ratePerSegment: 70 }],
});
const context: SendContext = { defaultCountry: "KE", pricingTierId: null, balance: 1_000n, senderIdStatus: "approved", blockedWords: ["casino"] };

describe("evaluateMessage", () => {
  it("normalises the number, finds its network and prices every segment", () => {
    const result = evaluateMessage({ to: "0733 123 456", from: "ACME", body: "x".repeat(161) }, context, registry, rateCard);
    expect(result).toMatchObject({ to: "+254733123456", operator: "Airtel", segments: 2, encoding: "gsm7", ratePerSegment: 70, cost: 140, sufficientCredits: true, issues: [] });
  });

  it("lists every problem in the order a send checks them", () => {
    const result = evaluateMessage({ to: "0749123456", from: "OTHER", body: "Casino" }, { ...context, senderIdStatus: "pending" }, registry, rateCard);
    expect(result.issues.map((issue) => issue.code)).toEqual(["unsupported_network", "content_rejected", "sender_id_not_approved"]);
    expect(result.cost).toBeNull();
    expect(result.issues[1]?.violations?.map((violation) => violation.rule)).toEqual(["blocklist"]);
  });

  it("says when the balance read does not cover the price", () => {
    const result = evaluateMessage({ to: "0712345678", from: "ACME", body: "hi" }, { ...context, balance: 79n }, registry, rateCard);
    expect(result).toMatchObject({ cost: 80, sufficientCredits: false, issues: [] });
  });

  it("turns an issue into the API error with its field and reason", () => {
    const [issue] = evaluateMessage({ to: "123", from: "ACME", body: "hi" }, context, registry, rateCard).issues;
    const error = issueToError(issue!);
    expect(error.code).toBe("invalid_phone_number");
    expect(error.status).toBe(422);
    expect(error.details).toEqual([{ field: "to", message: issue!.message, code: "invalid_format" }]);
  });
});
