import { z } from "zod";
import { id, listOf, nullableTimestamp, pageOf, timestamp } from "@/lib/openapi/fields";

const listStatus = z.enum(["uploading", "validating", "ready", "failed"]);

export const contactList = z
  .object({
    id,
    name: z.string(),
    status: listStatus,
    source: z.string().meta({ example: "csv" }),
    phoneColumn: z.string().nullable(),
    fields: z.array(z.string()).meta({ description: "Column names available as {{placeholders}}" }),
    totalCount: z.int(),
    validCount: z.int(),
    invalidCount: z.int(),
    duplicateCount: z.int(),
    pendingCount: z.int(),
    createdAt: timestamp,
    validatedAt: nullableTimestamp,
    progress: z.number().min(0).max(1),
  })
  .meta({ id: "ContactList" });

export const contactListList = listOf(contactList).meta({ id: "ContactListList" });

export const contactListDetail = contactList
  .extend({ validationRun: z.looseObject({}).nullable().meta({ description: "The latest validation run, if any" }) })
  .meta({ id: "ContactListDetail" });

export const acceptedContactList = z
  .object({ contactListId: id, jobId: z.string(), status: listStatus, totalCount: z.int().optional() })
  .meta({ id: "AcceptedContactList" });

export const contact = z
  .object({
    id: z.string().meta({ description: "Contact id (a decimal string)" }),
    rowNumber: z.int(),
    rawPhone: z.string(),
    phone: z.string().nullable(),
    country: z.string().nullable(),
    operator: z.string().nullable(),
    status: z.enum(["pending_validation", "valid", "invalid"]),
    reason: z.string().nullable(),
    reasonMessage: z.string().nullable(),
    isDuplicate: z.boolean(),
    fields: z.record(z.string(), z.unknown()),
  })
  .meta({ id: "Contact" });

export const contactPage = pageOf(contact, z.string()).meta({ id: "ContactPage" });

const contactCounts = z.object({ total: z.int(), valid: z.int(), invalid: z.int(), duplicates: z.int(), pending: z.int() }).meta({ id: "ContactCounts" });

export const removedContacts = z.object({ removed: z.int(), counts: contactCounts }).meta({ id: "RemovedContacts" });

export const updatedContact = z.object({ contact, counts: contactCounts }).meta({ id: "UpdatedContact" });
