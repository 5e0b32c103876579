import { fc, it as propertyIt } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { classifyDbError, type DbErrorKind } from "@/lib/db-errors";
import { applyBisecting } from "@/lib/dlr/bisect-batch";

/** An error shaped like pg's DatabaseError for the given SQLSTATE. */
function pgError(code: string): Error {
  return Object.assign(new Error(`sqlstate ${code}`), { code, severity: "ERROR" });
}

/** A fake statement over numbers: fails with `code` whenever the batch holds a bad item. */
function fakeStatement(bad: ReadonlySet<number>, code = "22021") {
  const statements: number[][] = [];
  const applied: number[] = [];
  return {
    statements,
    applied,
    async apply(items: number[]) {
      statements.push(items);
      if (items.some((item) => bad.has(item))) throw pgError(code);
      applied.push(...items);
      return items.length;
    },
  };
}

function options(statement: ReturnType<typeof fakeStatement>, parked: number[]) {
  return {
    apply: (items: number[]) => statement.apply(items),
    classify: classifyDbError,
    park: async (item: number) => void parked.push(item),
    conflictDelayMs: 0,
  };
}

describe("classifyDbError", () => {
  it("separates bad input, retryable conflicts and everything else", () => {
    const cases: [unknown, DbErrorKind][] = [
      [pgError("22021"), "data"],
      [pgError("22007"), "data"],
      [pgError("23505"), "data"],
      [pgError("42804"), "data"],
      [pgError("54000"), "data"],
      [pgError("40001"), "conflict"],
      [pgError("40P01"), "conflict"],
      [pgError("08006"), "unavailable"],
      [pgError("57P01"), "unavailable"],
      [pgError("53300"), "unavailable"],
      [pgError("42P01"), "unavailable"],
      [Object.assign(new Error("write EPIPE"), { code: "EPIPE" }), "unavailable"],
      [new Error("Connection terminated unexpectedly"), "unavailable"],
      ["not an error", "unavailable"],
    ];
    for (const [error, kind] of cases) expect(classifyDbError(error)).toBe(kind);
  });
});

describe("applyBisecting", () => {
  it("runs one statement when nothing fails", async () => {
    const statement = fakeStatement(new Set());
    const outcome = await applyBisecting([1, 2, 3, 4], options(statement, []));
    expect(outcome).toEqual({ results: [4], parked: 0 });
    expect(statement.statements).toHaveLength(1);
  });

  it("parks only the bad item of a batch and applies the others, in about 2·log2(n) statements", async () => {
    const statement = fakeStatement(new Set([37]));
    const parked: number[] = [];
    const items = Array.from({ length: 100 }, (_, index) => index);
    const outcome = await applyBisecting(items, options(statement, parked));
    expect(parked).toEqual([37]);
    expect(outcome.parked).toBe(1);
    expect(statement.applied.toSorted((a, b) => a - b)).toEqual(items.filter((item) => item !== 37));
    expect(statement.statements.length).toBeLessThanOrEqual(1 + 2 * Math.ceil(Math.log2(100)));
  });

  it("throws connection and server errors as they are, parking nothing", async () => {
    for (const code of ["08006", "57P01", "53300"]) {
      const statement = fakeStatement(new Set([1]), code);
      const parked: number[] = [];
      await expect(applyBisecting([0, 1, 2], options(statement, parked))).rejects.toMatchObject({ code });
      expect(parked).toEqual([]);
      expect(statement.statements).toHaveLength(1);
    }
  });

  it("re-runs the same statement after a deadlock or serialization failure, then gives up", async () => {
    let failures = 2;
    const flaky = {
      apply: async (items: number[]) => {
        if (failures-- > 0) throw pgError("40P01");
        return items.length;
      },
      classify: classifyDbError,
      park: async () => undefined,
      conflictDelayMs: 0,
    };
    await expect(applyBisecting([1, 2], flaky)).resolves.toEqual({ results: [2], parked: 0 });
    const stuck = { ...flaky, apply: async () => Promise.reject(pgError("40001")) };
    await expect(applyBisecting([1, 2], stuck)).rejects.toMatchObject({ code: "40001" });
  });

  propertyIt.prop([fc.uniqueArray(fc.nat(500), { maxLength: 120 }), fc.uniqueArray(fc.nat(500), { maxLength: 6 })], { seed: 20261201, numRuns: 300 })(
    "applies every good item exactly once and parks exactly the bad ones",
    async (items, badList) => {
      const bad = new Set(badList);
      const statement = fakeStatement(bad);
      const parked: number[] = [];
      await applyBisecting(items, options(statement, parked));
      expect(statement.applied.toSorted((a, b) => a - b)).toEqual(items.filter((item) => !bad.has(item)).toSorted((a, b) => a - b));
      expect(parked.toSorted((a, b) => a - b)).toEqual(items.filter((item) => bad.has(item)).toSorted((a, b) => a - b));
    },
  );
});
