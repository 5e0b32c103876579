import { describe, expect, it } from "vitest";
import { MicroBatcher } from "@/lib/dlr/micro-batcher";

describe("MicroBatcher", () => {
  it("flushes at maxSize without waiting, and the remainder after maxWaitMs", async () => {
    const batches: number[][] = [];
    const batcher = new MicroBatcher<number, number>({ maxSize: 3, maxWaitMs: 30, flush: async (items) => (batches.push(items), items.length) });
    const started = Date.now();
    const results = await Promise.all([1, 2, 3, 4].map((n) => batcher.add([n])));
    expect(batches).toEqual([[1, 2, 3], [4]]);
    expect(results).toEqual([3, 3, 3, 1]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });

  it("splits one large add across batches and settles it with the last", async () => {
    const batches: number[][] = [];
    const batcher = new MicroBatcher<number, string>({ maxSize: 2, maxWaitMs: 1_000, flush: async (items) => (batches.push(items), items.join()) });
    const result = batcher.add([1, 2, 3, 4]);
    await expect(result).resolves.toBe("3,4");
    expect(batches).toEqual([[1, 2], [3, 4]]);
  });

  it("rejects every caller of a failed batch and keeps working afterwards", async () => {
    let fail = true;
    const batcher = new MicroBatcher<number, number>({
      maxSize: 2,
      maxWaitMs: 5,
      flush: async (items) => {
        if (fail) throw new Error("db down");
        return items.length;
      },
    });
    const failed = [batcher.add([1]), batcher.add([2])];
    await expect(Promise.all(failed)).rejects.toThrow("db down");
    fail = false;
    await expect(batcher.add([3])).resolves.toBe(1);
  });

  it("runs flushes one at a time", async () => {
    let active = 0;
    let maxActive = 0;
    const batcher = new MicroBatcher<number, void>({
      maxSize: 1,
      maxWaitMs: 1,
      flush: async () => {
        active += 1;
        maxActive = Math.max(maxActive, active);
        await new Promise((resolve) => setTimeout(resolve, 5));
        active -= 1;
      },
    });
    await Promise.all([1, 2, 3, 4].map((n) => batcher.add([n])));
    expect(maxActive).toBe(1);
  });
});
