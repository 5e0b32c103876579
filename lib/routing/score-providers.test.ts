import { describe, expect, it } from "vitest";
import { orderCandidates, scoreCandidates, smoothedSuccess } from "@/lib/routing/score-providers";

describe("provider scoring", () => {
  it("keeps the operator's order for the priority strategy whatever the health", () => {
    const order = orderCandidates("priority", [
      { name: "a", attempts: 100, successes: 0, cost: 90 },
      { name: "b", attempts: 100, successes: 100, cost: 10 },
    ]);
    expect(order).toEqual(["a", "b"]);
  });

  it("puts a failing provider behind a healthy one although it is cheaper and faster", () => {
    const order = orderCandidates("score", [
      { name: "cheap-but-failing", attempts: 200, successes: 20, cost: 20, p50LatencyMs: 50 },
      { name: "healthy", attempts: 200, successes: 198, cost: 40, p50LatencyMs: 400 },
    ]);
    expect(order).toEqual(["healthy", "cheap-but-failing"]);
  });

  it("prefers the cheaper provider between two equally healthy ones, then the faster", () => {
    expect(
      orderCandidates("score", [
        { name: "dear", attempts: 100, successes: 100, cost: 60, p50LatencyMs: 100 },
        { name: "cheap", attempts: 100, successes: 100, cost: 30, p50LatencyMs: 100 },
      ]),
    ).toEqual(["cheap", "dear"]);
    expect(
      orderCandidates("score", [
        { name: "slow", attempts: 100, successes: 100, cost: 30, p50LatencyMs: 1_600 },
        { name: "fast", attempts: 100, successes: 100, cost: 30, p50LatencyMs: 100 },
      ]),
    ).toEqual(["fast", "slow"]);
  });

  it("keeps the operator's order on equal scores and gives unknown prices the worst known one", () => {
    expect(orderCandidates("score", [{ name: "x", attempts: 0, successes: 0 }, { name: "y", attempts: 0, successes: 0 }])).toEqual(["x", "y"]);
    const scores = scoreCandidates([
      { name: "priced", attempts: 0, successes: 0, cost: 50 },
      { name: "unpriced", attempts: 0, successes: 0 },
    ]);
    expect(scores.get("priced")).toBeCloseTo(scores.get("unpriced") as number);
  });

  it("smooths the success ratio so one failure does not sink a provider and no traffic is not perfect", () => {
    expect(smoothedSuccess({ attempts: 0, successes: 0 })).toBe(0.5);
    expect(smoothedSuccess({ attempts: 10, successes: 9 })).toBeCloseTo(10 / 12);
  });
});
