import { z } from "zod";
import { pgDate } from "@/lib/validation/pg-safe";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";

/** The opaque page cursor: the last event id seen, base64url-encoded. */
export function encodeAuditCursor(id: bigint): string {
  return Buffer.from(`a${id}`).toString("base64url");
}

const cursor = z
  .string()
  .max(100)
  .transform((text, context) => {
    const decoded = /^a(\d{1,19})$/.exec(Buffer.from(text, "base64url").toString("utf8"));
    if (!decoded) {
      context.addIssue({ code: "custom", message: "Invalid cursor" });
      return z.NEVER;
    }
    return BigInt(decoded[1]);
  });

const action = z.enum(AUDIT_ACTIONS);

/** GET /v1/audit-events and the portal pages: newest first, filtered by action(s) and time. */
export const listAuditEventsQuery = z.object({
  /** One action or several (repeat the parameter). */
  action: z
    .union([action, z.array(action)])
    .optional()
    .transform((value) => (value === undefined ? undefined : Array.isArray(value) ? value : [value])),
  /** Events at or after this instant (ISO 8601). */
  since: pgDate().optional(),
  /** Events before this instant (ISO 8601). */
  until: pgDate().optional(),
  cursor: cursor.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export type ListAuditEventsQuery = z.output<typeof listAuditEventsQuery>;
