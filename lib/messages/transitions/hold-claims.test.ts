import { describe, expect, it } from "vitest";
import { holdRefreshMs } from "@/lib/messages/transitions/hold-claims";

describe("holdRefreshMs", () => {
  it("refreshes a claim four times per reconciler threshold, at least once a second", () => {
    expect(holdRefreshMs(120)).toBe(30_000);
    expect(holdRefreshMs(2)).toBe(1_000);
  });

  it("never asks for a timer longer than Node honours (a longer one fires every millisecond)", () => {
    expect(holdRefreshMs(10_000_000)).toBe(2_147_483_647);
  });
});
