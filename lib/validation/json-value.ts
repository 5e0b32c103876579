import type { z } from "zod";
import { hasUnstorableText } from "@/lib/validation/pg-safe";

/** Where a JSON value breaks a limit: the path below the value, and what is wrong. */
export interface JsonValueProblem {
  kind: "depth" | "text";
  path: (string | number)[];
  message: string;
}

export interface JsonValueLimits {
  /** Containers (objects, arrays) nested at most this deep; the value itself is level 1. */
  maxDepth: number;
  /** Also refuse keys and string values that Postgres cannot store (NUL, unpaired surrogates). */
  storableText?: boolean;
}

/**
 * The first problem in a parsed JSON value, found without recursion: JSON.parse accepts a
 * 30,000-deep body, and recursive code (JSON.stringify, zod, Postgres's jsonb input) would then
 * overflow its stack. The walk stops at the first container past the depth limit.
 */
export function findJsonValueProblem(value: unknown, limits: JsonValueLimits): JsonValueProblem | null {
  const pending: { value: unknown; depth: number; path: (string | number)[] }[] = [{ value, depth: 1, path: [] }];
  while (pending.length > 0) {
    const current = pending.pop()!;
    if (typeof current.value === "string") {
      if (limits.storableText && hasUnstorableText(current.value)) {
        return { kind: "text", path: current.path, message: "must not contain NUL characters or unpaired surrogates" };
      }
      continue;
    }
    if (current.value === null || typeof current.value !== "object") continue;
    if (current.depth > limits.maxDepth) return { kind: "depth", path: current.path, message: `must be nested at most ${limits.maxDepth} levels deep` };
    const entries: [string | number, unknown][] = Array.isArray(current.value) ? current.value.map((item, index) => [index, item]) : Object.entries(current.value);
    for (const [key, item] of entries) {
      if (limits.storableText && typeof key === "string" && hasUnstorableText(key)) {
        return { kind: "text", path: current.path, message: "keys must not contain NUL characters or unpaired surrogates" };
      }
      pending.push({ value: item, depth: current.depth + 1, path: [...current.path, key] });
    }
  }
  return null;
}

/**
 * A free-form JSON value the API stores as jsonb (e.g. `customPayload`): bounded depth, bounded
 * serialised size, keys and strings Postgres can store. Depth is checked before anything recursive.
 */
export function storableJson<S extends z.ZodType>(schema: S, limits: { maxDepth: number; maxBytes: number }) {
  return schema.superRefine((value, context) => {
    const problem = findJsonValueProblem(value, { maxDepth: limits.maxDepth, storableText: true });
    if (problem) {
      // A depth problem is reported on the value itself: its path would be a few dozen segments long.
      context.addIssue({ code: "custom", message: problem.message, path: problem.kind === "depth" ? [] : problem.path });
      return;
    }
    if (Buffer.byteLength(JSON.stringify(value) ?? "") > limits.maxBytes) {
      context.addIssue({ code: "custom", message: `must be at most ${limits.maxBytes} bytes of JSON` });
    }
  });
}
