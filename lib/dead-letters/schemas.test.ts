import { describe, expect, it } from "vitest";
import { deadLetterActionInput, parseDuration } from "@/lib/dead-letters/schemas";

describe("dead-letter filters", () => {
  it("reads durations in seconds, minutes, hours and days", () => {
    expect(parseDuration("30s")).toBe(30_000);
    expect(parseDuration("10m")).toBe(600_000);
    expect(parseDuration(" 6h ")).toBe(21_600_000);
    expect(parseDuration("2D")).toBe(172_800_000);
    for (const bad of ["", "10", "m", "1.5h", "-1m", "10 minutes", "9999999s"]) expect(parseDuration(bad)).toBeNull();
  });

  it("defaults a replay to the oldest 500 and refuses unusable input with field errors", () => {
    expect(deadLetterActionInput.parse({})).toEqual({ limit: 500 });
    expect(deadLetterActionInput.parse({ provider: "celcom", olderThan: "10m", limit: "20" })).toEqual({ provider: "celcom", olderThan: 600_000, limit: 20 });
    const refused = deadLetterActionInput.safeParse({ provider: "cel com", olderThan: "soon", limit: "0" });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((issue) => issue.path[0]).sort()).toEqual(["limit", "olderThan", "provider"]);
  });
});
