import { describe, expect, it } from "vitest";
import { createPrefixRegistry } from "@/lib/phone/prefix-registry";
import { RECIPIENT_REJECT_MESSAGES, resolveRecipient } from "@/lib/phone/resolve-recipient";
import { KENYA_MNO_PREFIXES, MNO_PREFIXES } from "@/prisma/data/mno-prefixes";

const kenya = createPrefixRegistry(KENYA_MNO_PREFIXES);

describe("resolveRecipient", () => {
  it.each([
    ["0712 345 678", "+254712345678", "Safaricom"],
    ["+254 733 123 456", "+254733123456", "Airtel"],
    ["0100123456", "+254100123456", "Airtel"],
    ["0111 222 333", "+254111222333", "Safaricom"],
    ["254772123456", "+254772123456", "Telkom"],
    ["763123456", "+254763123456", "Equitel"],
    ["0747 000 111", "+254747000111", "Jamii Telecom"],
  ])("%j → %s on %s", (raw, e164, operator) => {
    expect(resolveRecipient(raw, "KE", kenya)).toEqual({
      ok: true,
      e164,
      country: "KE",
      nationalNumber: e164.slice(4),
      operator,
    });
  });

  it("passes on the normalisation failure", () => {
    expect(resolveRecipient(" ", "KE", kenya)).toEqual({ ok: false, reason: "empty" });
    expect(resolveRecipient("call me", "KE", kenya)).toEqual({ ok: false, reason: "invalid_format" });
    expect(resolveRecipient("020 2012345", "KE", kenya)).toEqual({ ok: false, reason: "not_mobile" });
  });

  it("serves only the countries the registry has prefixes for", () => {
    expect(resolveRecipient("+256 772 123 456", "KE", kenya)).toEqual({ ok: false, reason: "invalid_country" });
    expect(resolveRecipient("+44 7911 123456", "KE", kenya)).toEqual({ ok: false, reason: "invalid_country" });
    const withNeighbours = createPrefixRegistry(MNO_PREFIXES);
    expect(resolveRecipient("+256 772 123 456", "KE", withNeighbours)).toMatchObject({ ok: true, operator: "MTN" });
  });

  it("rejects a valid mobile number whose prefix no operator holds as unsupported_network", () => {
    // 116 is a valid Kenyan mobile range with no operator in the registry.
    expect(resolveRecipient("0116 123 456", "KE", kenya)).toEqual({ ok: false, reason: "unsupported_network" });
    const withoutTelkom = createPrefixRegistry(KENYA_MNO_PREFIXES.filter((row) => row.operator !== "Telkom"));
    expect(resolveRecipient("0772 123 456", "KE", withoutTelkom)).toEqual({ ok: false, reason: "unsupported_network" });
  });

  it("has a message for every rejection reason", () => {
    for (const message of Object.values(RECIPIENT_REJECT_MESSAGES)) expect(message.length).toBeGreaterThan(10);
    expect(Object.keys(RECIPIENT_REJECT_MESSAGES).sort()).toEqual(
      ["empty", "invalid_country", "invalid_format", "not_mobile", "unsupported_network"].sort(),
    );
  });
});
