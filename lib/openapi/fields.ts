import { z } from "zod";

// Building blocks of the response schemas in lib/<domain>/responses.ts: how timestamps, ids and
// money look on the wire, described once.

export const id = z.uuid();
export const timestamp = z.iso.datetime({ offset: true }).meta({ example: "2026-11-23T10:16:10.123Z" });
export const nullableTimestamp = timestamp.nullable();
/** Integer minor units (KES cents). */
export const minorUnits = z.int().meta({ description: "Integer minor units (KES cents)", example: 80 });
export const anyJson = z.unknown().meta({ description: "Any JSON value" });

/** `{ data: [...] }`, the shape of every list without paging. */
export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item) });
}

/** `{ data: [...], nextCursor }`: pass `nextCursor` as `cursor` for the next page; null on the last. */
export function pageOf<T extends z.ZodType, C extends z.ZodType>(item: T, cursor: C) {
  return z.object({ data: z.array(item), nextCursor: cursor.nullable() });
}
