import { z } from "zod";
import { pgText } from "@/lib/validation/pg-safe";

export const CONTACT_INVALID_REASONS = ["empty", "invalid_format", "invalid_country", "not_mobile", "unsupported_network"] as const;

const listName = pgText(z.string().trim().min(1, "Name is required").max(120));

/** Most numbers a JSON body may carry; larger lists are uploaded as CSV. */
export const MAX_JSON_NUMBERS = 10_000;

export const createContactListFromNumbersInput = z.object({
  name: listName,
  numbers: z.array(pgText(z.string().max(64))).min(1, "Give at least one number").max(MAX_JSON_NUMBERS),
});
export type CreateContactListFromNumbersInput = z.infer<typeof createContactListFromNumbersInput>;

/** Options of a CSV upload, given as query parameters (text/csv) or form fields (multipart). */
export const csvUploadOptions = z.object({
  name: listName.optional(),
  phoneColumn: pgText(z.string().trim().min(1).max(120)).optional(),
  header: z.enum(["true", "false", "auto"]).default("auto"),
});
export type CsvUploadOptions = z.infer<typeof csvUploadOptions>;

export const contactStatusFilter = z.enum(["pending_validation", "valid", "invalid", "duplicate"]);
export type ContactStatusFilter = z.infer<typeof contactStatusFilter>;

export const listContactsQuery = z.object({
  status: contactStatusFilter.optional(),
  reason: z.enum(CONTACT_INVALID_REASONS).optional(),
  format: z.enum(["json", "csv"]).default("json"),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.coerce.number().int().nonnegative().optional(),
});
export type ListContactsQuery = z.infer<typeof listContactsQuery>;

export const listContactListsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const updateContactInput = z.object({
  phone: pgText(z.string().trim().max(64)),
});
export type UpdateContactInput = z.infer<typeof updateContactInput>;

export const removeContactsQuery = z.object({
  status: z.literal("invalid"),
});

export const revalidateContactListQuery = z.object({
  /** `invalid` re-validates the invalid contacts, `all` every contact. */
  scope: z.enum(["invalid", "all"]).default("invalid"),
});
