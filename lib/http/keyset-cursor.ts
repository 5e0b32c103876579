import { z } from "zod";
import { isStorableDate } from "@/lib/validation/pg-safe";

/** Where a page ends: keyset pagination on (created_at, id), newest first (messages, opt-outs, inbound messages). */
export interface KeysetCursor {
  createdAt: Date;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeKeysetCursor(row: KeysetCursor): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString("base64url");
}

/** The cursor a client sent back, or null when it is not one we could have issued. */
export function decodeKeysetCursor(cursor: string): KeysetCursor | null {
  const [at, id, ...rest] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  if (rest.length > 0 || !id || !UUID.test(id)) return null;
  const createdAt = new Date(at ?? "");
  return isStorableDate(createdAt) ? { createdAt, id } : null;
}

/** The `cursor` query parameter, decoded: anything we did not issue is a 422 on `cursor`, never a query. */
export const keysetCursor = z
  .string()
  .min(1)
  .max(200)
  .transform((value, context) => {
    const decoded = decodeKeysetCursor(value);
    if (!decoded) {
      context.addIssue({ code: "custom", message: "is not a cursor from a previous page" });
      return z.NEVER;
    }
    return decoded;
  });

/** The Prisma condition for the rows after `cursor` in (created_at DESC, id DESC) order. */
export function afterKeysetCursor(cursor: KeysetCursor) {
  return [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }];
}
