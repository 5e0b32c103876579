import { describe, expect, it } from "vitest";
import { z } from "zod";
import { findJsonValueProblem, storableJson } from "@/lib/validation/json-value";

function nested(depth: number): unknown {
  let value: unknown = "leaf";
  for (let level = 0; level < depth; level++) value = level % 2 === 0 ? [value] : { a: value };
  return value;
}

describe("findJsonValueProblem", () => {
  it("allows exactly maxDepth levels of containers", () => {
    expect(findJsonValueProblem(nested(32), { maxDepth: 32 })).toBeNull();
    expect(findJsonValueProblem(nested(33), { maxDepth: 32 })).toMatchObject({ kind: "depth" });
  });

  it("walks a 30,000-deep value without overflowing the stack", () => {
    const deep = JSON.parse(`${"[".repeat(30_000)}${"]".repeat(30_000)}`);
    expect(findJsonValueProblem(deep, { maxDepth: 64 })).toMatchObject({ kind: "depth", message: "must be nested at most 64 levels deep" });
  });

  it("finds unstorable keys and strings, with their path, only when asked", () => {
    const value = { order: { lines: ["ok", "bad\u0000"] } };
    expect(findJsonValueProblem(value, { maxDepth: 10 })).toBeNull();
    expect(findJsonValueProblem(value, { maxDepth: 10, storableText: true })).toMatchObject({ kind: "text", path: ["order", "lines", 1] });
    expect(findJsonValueProblem({ ["k\ud800"]: 1 }, { maxDepth: 10, storableText: true })).toMatchObject({ kind: "text", path: [] });
  });

  it("ignores scalars", () => {
    for (const value of [null, 1, true, "x"]) expect(findJsonValueProblem(value, { maxDepth: 0 })).toBeNull();
  });
});

describe("storableJson", () => {
  const schema = z.object({ customPayload: storableJson(z.unknown(), { maxDepth: 4, maxBytes: 80 }) });

  it("reports depth on the field itself and text problems at their path", () => {
    expect(schema.safeParse({ customPayload: nested(5) }).error!.issues[0].path).toEqual(["customPayload"]);
    expect(schema.safeParse({ customPayload: { a: ["\u0000"] } }).error!.issues[0].path).toEqual(["customPayload", "a", 0]);
  });

  it("bounds the serialised size in bytes, not characters", () => {
    expect(schema.safeParse({ customPayload: { a: "é".repeat(30) } }).success).toBe(true);
    expect(schema.safeParse({ customPayload: { a: "é".repeat(40) } }).success).toBe(false);
  });
});
