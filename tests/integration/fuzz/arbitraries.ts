import { readdirSync } from "node:fs";
import path from "node:path";
import { fc } from "@fast-check/vitest";

/*
 * Shared pieces of the property-based suites: what a hostile or careless client can send. `npm test`
 * runs a few hundred seeded cases per route and action; `npm run fuzz` runs FUZZ_RUNS of them
 * (FUZZ_SEED picks another sequence; a failure prints the seed and path to replay it).
 */

export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 200);
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20_261_201);
/** Per property: generous, since a run of FUZZ_RUNS requests against the real database may take a while. */
export const FUZZ_TIMEOUT_MS = Math.max(30_000, FUZZ_RUNS * 100);

export const ROOT = path.resolve(import.meta.dirname, "../../..");

/** Files named `name` under `directory`, relative to the repository root, sorted. */
export function findFiles(directory: string, name: string): string[] {
  return readdirSync(path.join(ROOT, directory), { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === name)
    .map((file) => path.join(directory, file))
    .sort();
}

// Code units Postgres, JSON and HTTP tend to trip over: NUL and other controls, both surrogate
// halves on their own, non-characters, line and paragraph separators, a BOM. NUL and lone
// surrogates (what Postgres cannot store) come up most often.
const UNSTORABLE_UNITS = ["\u0000", "\ud800", "\udbff", "\udc00", "\udfff"];
const AWKWARD_UNITS = [...UNSTORABLE_UNITS, "\u0001", "\u0008", "\u001b", "\u001f", "\u007f", "\ufffe", "\uffff", "\u2028", "\u2029", "\ufeff", "\\", '"', "'", "%", "|", "{{", "}}"];
const awkwardUnit = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...UNSTORABLE_UNITS) }, { weight: 1, arbitrary: fc.constantFrom(...AWKWARD_UNITS) });

const EDGE_DATES = ["-005000-01-01T00:00:00Z", "+275760-09-13T00:00:00Z", "8.64e15", "-8.64e15", "0000-01-01", "9999-12-31T23:59:59.999Z", "2024-02-30", "2024-05-01T10:00:00", "1970-01-01T00:00:00Z"];

const EDGE_NUMBERS = [0, -0, 1, -1, 0.5, 2 ** 31, 2 ** 53 + 2, -(2 ** 63), 8.64e15, -8.64e15, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER];

/** Strings a client can send: random text, awkward code units mixed in, dates and numbers as text, and `known` values that reach deeper code. */
export function clientString(known: readonly string[] = []): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ unit: "binary", maxLength: 40 }),
    fc.array(fc.oneof(awkwardUnit, fc.string({ maxLength: 4 })), { maxLength: 8 }).map((parts) => parts.join("")),
    fc.constantFrom(...EDGE_DATES),
    fc.constantFrom(...EDGE_NUMBERS).map(String),
    ...(known.length > 0 ? [fc.constantFrom(...known)] : []),
  );
}

export function clientNumber(): fc.Arbitrary<number> {
  return fc.oneof(fc.constantFrom(...EDGE_NUMBERS), fc.integer(), fc.double());
}

/** Any JSON value (nested a little), its strings and numbers drawn from the awkward ones. */
export function clientJson(known: readonly string[] = []): fc.Arbitrary<unknown> {
  const leaf = fc.oneof(clientString(known), clientNumber(), fc.boolean(), fc.constant(null));
  const { value } = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: "small", withCrossShrink: true }, leaf, fc.array(tie("value"), { maxLength: 4 }), fc.dictionary(clientString(known), tie("value"), { maxKeys: 4 })),
  }));
  return value;
}

/** An object with some of `fields` (and maybe others), each set to any client value: what reaches the schemas. */
export function clientObject(fields: readonly string[], known: readonly string[] = []): fc.Arbitrary<Record<string, unknown>> {
  const key = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...fields) }, { weight: 1, arbitrary: clientString() });
  const value = fc.oneof(clientString(known), clientNumber(), clientJson(known), fc.array(clientString(known), { maxLength: 3 }), fc.constant(JSON.parse(`${"[".repeat(40)}${"]".repeat(40)}`)));
  return fc.dictionary(key, value, { maxKeys: 6 }).map((entries) => Object.fromEntries(Object.entries(entries)));
}

/** `base` with an awkward code unit or two slipped in: valid-looking input that reaches the database. */
export function awkwardly(base: string): fc.Arbitrary<string> {
  const insertion = fc.tuple(fc.nat(base.length), awkwardUnit);
  return fc.array(insertion, { minLength: 1, maxLength: 2 }).map((insertions) =>
    insertions.reduce((text, [at, unit]) => `${text.slice(0, at)}${unit}${text.slice(at)}`, base),
  );
}

/** Something in place of a valid `value`: the value slightly broken, or anything at all. */
export function variantOf(value: unknown, known: readonly string[] = []): fc.Arbitrary<unknown> {
  const anything = fc.oneof(clientString(known), clientNumber(), clientJson(known), fc.constant(null));
  if (typeof value === "string") return fc.oneof({ weight: 4, arbitrary: awkwardly(value) }, { weight: 1, arbitrary: anything });
  if (Array.isArray(value) && typeof value[0] === "string") {
    return fc.oneof(awkwardly(value[0]).map((item) => [item, ...value.slice(1)]), fc.array(clientString(known), { maxLength: 3 }), anything);
  }
  return anything;
}

/**
 * `base` (valid input) with a few fields broken, dropped or added: most requests then fail on one
 * field, which is what reaches the deepest code before the answer.
 */
export function mutatedObject(base: Record<string, unknown>, known: readonly string[] = []): fc.Arbitrary<Record<string, unknown>> {
  const fields = Object.entries(base).map(([key, value]) => [
    key,
    fc.oneof({ weight: 10, arbitrary: fc.constant(value) }, { weight: 1, arbitrary: fc.constant(undefined) }, { weight: 3, arbitrary: variantOf(value, known) }),
  ]);
  return fc
    .tuple(fc.record(Object.fromEntries(fields) as Record<string, fc.Arbitrary<unknown>>), fc.dictionary(clientString(), clientJson(known), { maxKeys: 1 }))
    .map(([chosen, extra]) => Object.fromEntries(Object.entries({ ...extra, ...chosen }).filter(([, value]) => value !== undefined)));
}

/** Nesting far past any limit, as raw JSON text (JSON.stringify of it would overflow the stack). */
export function deeplyNestedJson(field: string): string {
  return `{"${field}":${"[".repeat(30_000)}${"]".repeat(30_000)}}`;
}

/** Header values a fetch client can send (no CR, LF or NUL; Latin-1). */
export function headerValue(): fc.Arbitrary<string> {
  return fc.string({ unit: "binary-ascii", maxLength: 300 }).map((value) => value.replace(/[\0\r\n]/g, ""));
}
