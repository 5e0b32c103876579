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

  it.each([1, 3])("runs at most %i flush(es) at a time and applies every batch in order of cutting", async (concurrency) => {
    let active = 0;
    let maxActive = 0;
    const started: number[][] = [];
    const batcher = new MicroBatcher<number, void>({
      maxSize: 1,
      maxWaitMs: 1,
      concurrency,
      flush: async (items) => {
        started.push(items);
        active += 1;
        maxActive = Math.max(maxActive, active);
        await new Promise((resolve) => setTimeout(resolve, 5));
        active -= 1;
      },
    });
    await Promise.all([1, 2, 3, 4, 5, 6].map((n) => batcher.add([n])));
    expect(maxActive).toBe(concurrency);
    expect(started).toEqual([[1], [2], [3], [4], [5], [6]]);
  });

  it("drain waits for batches still queued behind busy slots", async () => {
    const applied: number[] = [];
    const batcher = new MicroBatcher<number, void>({
      maxSize: 1,
      maxWaitMs: 1_000,
      concurrency: 2,
      flush: async (items) => {
        await new Promise((resolve) => setTimeout(resolve, 10));
        applied.push(...items);
      },
    });
    for (const n of [1, 2, 3, 4, 5]) void batcher.add([n]);
    await batcher.drain();
    expect(applied.sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it("refuses a concurrency below one", () => {
    expect(() => new MicroBatcher<number, void>({ maxSize: 1, maxWaitMs: 1, concurrency: 0, flush: async () => undefined })).toThrow(RangeError);
  });
});
