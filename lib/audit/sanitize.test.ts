import { describe, expect, it } from "vitest";
import { sanitizeAuditValue } from "@/lib/audit/sanitize";

describe("sanitizeAuditValue", () => {
  it("keeps that a secret was there but never its value, at any depth", () => {
    const value = {
      id: "k1",
      name: "Production",
      prefix: "sk_live_ab",
      key: "sk_live_abcdef",
      secret: "whsec_1",
      previousSecret: "whsec_0",
      callbackSecret: "whsec_cb",
      nested: { passwordHash: "scrypt$…", apiKey: "sk", token: "t" },
      list: [{ secret: "s" }],
    };
    const clean = sanitizeAuditValue(value) as Record<string, unknown>;
    expect(clean).toEqual({
      id: "k1",
      name: "Production",
      prefix: "sk_live_ab",
      key: "[redacted]",
      secret: "[redacted]",
      previousSecret: "[redacted]",
      callbackSecret: "[redacted]",
      nested: { passwordHash: "[redacted]", apiKey: "[redacted]", token: "[redacted]" },
      list: [{ secret: "[redacted]" }],
    });
    expect(JSON.stringify(clean)).not.toMatch(/whsec|sk_live_abcdef|scrypt/);
  });

  it("turns dates and bigints into JSON and leaves absent secrets absent", () => {
    const at = new Date("2026-12-01T10:00:00.000Z");
    expect(sanitizeAuditValue({ at, amount: 150000n, secret: null, skipped: undefined })).toEqual({ at: at.toISOString(), amount: "150000", secret: null });
  });
});
