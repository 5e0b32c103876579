import { describe, expect, it } from "vitest";
import { metricsAuthorized } from "@/lib/observability/metrics-endpoint";

describe("metricsAuthorized", () => {
  it("is open without a token and requires the exact bearer token with one", () => {
    expect(metricsAuthorized(null, undefined)).toBe(true);
    const token = "metrics-token-0123456789";
    expect(metricsAuthorized(`Bearer ${token}`, token)).toBe(true);
    expect(metricsAuthorized(`bearer ${token}`, token)).toBe(true);
    expect(metricsAuthorized(null, token)).toBe(false);
    expect(metricsAuthorized(`Bearer ${token}x`, token)).toBe(false);
    expect(metricsAuthorized(token, token)).toBe(false);
  });
});
