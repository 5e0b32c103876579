import { describe, expect, it } from "vitest";
import { hashIdempotentRequest, validateIdempotencyKey } from "@/lib/idempotency/idempotency";

describe("hashIdempotentRequest", () => {
  it("treats the same body with fields in another order as the same request", () => {
    expect(hashIdempotentRequest("POST", "/api/v1/messages", { to: "1", body: "x", meta: { b: 1, a: 2 } })).toBe(
      hashIdempotentRequest("post", "/api/v1/messages", { meta: { a: 2, b: 1 }, body: "x", to: "1" }),
    );
  });

  it("tells apart different bodies, paths and methods", () => {
    const base = hashIdempotentRequest("POST", "/api/v1/messages", { body: "x" });
    expect(hashIdempotentRequest("POST", "/api/v1/messages", { body: "y" })).not.toBe(base);
    expect(hashIdempotentRequest("POST", "/api/v1/campaigns", { body: "x" })).not.toBe(base);
    expect(hashIdempotentRequest("PUT", "/api/v1/messages", { body: "x" })).not.toBe(base);
    expect(hashIdempotentRequest("POST", "/api/v1/messages", { body: ["x"] })).not.toBe(base);
  });
});

describe("validateIdempotencyKey", () => {
  it("accepts printable keys and trims surrounding space", () => {
    expect(validateIdempotencyKey("  order-42  ")).toBe("order-42");
  });

  it("refuses empty, over-long and non-ASCII keys", () => {
    expect(() => validateIdempotencyKey(" ")).toThrow(/Idempotency-Key/);
    expect(() => validateIdempotencyKey("k".repeat(256))).toThrow(/Idempotency-Key/);
    expect(() => validateIdempotencyKey("clé")).toThrow(/Idempotency-Key/);
  });
});
