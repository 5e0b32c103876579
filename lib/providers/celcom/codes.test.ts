import { describe, expect, it } from "vitest";
import { CELCOM_RESPONSE_CODES, celcomReasonCode, classifyCelcomCode } from "@/lib/providers/celcom/codes";

describe("classifyCelcomCode", () => {
  it("retries only system-side codes", () => {
    const retryable = Object.keys(CELCOM_RESPONSE_CODES)
      .map(Number)
      .filter((code) => classifyCelcomCode(code).retryable);
    expect(retryable).toEqual([1004, 1005, 1007, 4090]);
  });

  it("gives every documented code a stable reason code", () => {
    expect(celcomReasonCode(1001)).toBe("celcom_1001_invalid_sender_id");
    expect(celcomReasonCode(1004)).toBe("celcom_1004_low_bulk_credits");
    expect(celcomReasonCode(4093)).toBe("celcom_4093_details_not_found");
  });

  it("retries undocumented codes and keeps the provider's description", () => {
    expect(classifyCelcomCode(1234, "Something new")).toEqual({
      ok: false,
      retryable: true,
      code: "celcom_1234_unknown",
      reason: "Something new",
      providerCode: 1234,
    });
  });

  it("hints a retry delay for low credits and 4090 only", () => {
    expect(classifyCelcomCode(1004).retryAfterMs).toBe(300_000);
    expect(classifyCelcomCode(4090).retryAfterMs).toBe(300_000);
    expect(classifyCelcomCode(1005).retryAfterMs).toBeUndefined();
  });
});
