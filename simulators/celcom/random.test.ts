import { describe, expect, it } from "vitest";
import { createRandom, pickWeighted, uniformInt } from "@/simulators/celcom/random";

describe("seeded randomness", () => {
  it("replays the same sequence for the same seed", () => {
    const draw = (seed: number) => {
      const random = createRandom(seed);
      return Array.from({ length: 5 }, () => random());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it("picks in proportion to the weights and never picks a zero weight", () => {
    const random = createRandom(1);
    const counts: Record<string, number> = {};
    for (let index = 0; index < 20_000; index += 1) {
      const key = pickWeighted({ a: 0.9, b: 0.1, never: 0 }, random);
      counts[key] = (counts[key] ?? 0) + 1;
    }
    expect(counts.never).toBeUndefined();
    expect(counts.a / 20_000).toBeGreaterThan(0.88);
    expect(counts.a / 20_000).toBeLessThan(0.92);
  });

  it("draws integers within the inclusive range", () => {
    const random = createRandom(3);
    const values = Array.from({ length: 1_000 }, () => uniformInt(2, 4, random));
    expect(new Set(values)).toEqual(new Set([2, 3, 4]));
  });
});
