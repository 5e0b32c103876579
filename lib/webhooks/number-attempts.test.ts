import { describe, expect, it } from "vitest";
import { describeRound, numberAttempts } from "@/lib/webhooks/number-attempts";

const log = (...numbers: number[]) => numbers.map((attempt) => ({ attempt }));

describe("numberAttempts", () => {
  it("numbers a replayed delivery's attempts 1, 2, 3 — not 1, 1 — and names the rounds", () => {
    const numbered = numberAttempts(log(1, 1));
    expect(numbered.map((entry) => entry.number)).toEqual([1, 2]);
    expect(numbered.map((entry) => describeRound(entry.replay))).toEqual(["Original", "Replay 1"]);
  });

  it("keeps retries within a round and counts several replays", () => {
    const numbered = numberAttempts(log(1, 2, 3, 1, 2, 1));
    expect(numbered.map((entry) => entry.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(numbered.map((entry) => entry.replay)).toEqual([0, 0, 0, 1, 1, 2]);
    expect(numbered.map((entry) => entry.roundAttempt)).toEqual([1, 2, 3, 1, 2, 1]);
  });

  it("an empty log stays empty", () => {
    expect(numberAttempts([])).toEqual([]);
  });
});
