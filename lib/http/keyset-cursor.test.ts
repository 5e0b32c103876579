import { describe, expect, it } from "vitest";
import { decodeKeysetCursor, encodeKeysetCursor, keysetCursor } from "@/lib/http/keyset-cursor";

const row = { createdAt: new Date("2026-11-30T10:00:00.123Z"), id: "0b7c6f7e-8a53-4c1e-9d1b-1f6a2d3c4e5f" };
const b64 = (text: string) => Buffer.from(text).toString("base64url");

describe("message cursors", () => {
  it("round-trips a cursor we issued", () => {
    expect(decodeKeysetCursor(encodeKeysetCursor(row))).toEqual(row);
    expect(keysetCursor.parse(encodeKeysetCursor(row))).toEqual(row);
  });

  it.each([
    ["not base64", "%%%"],
    ["dashes for an id", b64(`2026-11-30T10:00:00.000Z|${"-".repeat(36)}`)],
    ["a year Postgres cannot store", b64(`+275760-09-13T00:00:00.000Z|${row.id}`)],
    ["a negative year", b64(`-005000-01-01T00:00:00.000Z|${row.id}`)],
    ["no date", b64(`|${row.id}`)],
    ["extra parts", b64(`2026-11-30T10:00:00.000Z|${row.id}|x`)],
    ["NUL in the id", b64(`2026-11-30T10:00:00.000Z|${row.id.slice(0, 35)}\u0000`)],
  ])("refuses %s", (_name, cursor) => {
    expect(decodeKeysetCursor(cursor)).toBeNull();
    expect(keysetCursor.safeParse(cursor).error?.issues[0].message).toBe("is not a cursor from a previous page");
  });
});
