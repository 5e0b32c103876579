import { z } from "zod";
import { keysetCursor } from "@/lib/http/keyset-cursor";
import { pgText } from "@/lib/validation/pg-safe";

const phone = pgText(z.string().trim().min(1, "is required").max(64, "must be at most 64 characters"));

export const optOutInput = z.object({ phone });
export type OptOutInput = z.output<typeof optOutInput>;

export const listOptOutsQuery = z.object({
  /** One phone, in any format a send accepts. */
  phone: phone.optional(),
  cursor: keysetCursor.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListOptOutsQuery = z.output<typeof listOptOutsQuery>;
