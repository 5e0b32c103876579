import { db, Prisma } from "@/lib/db";
import { RECIPIENT_REJECT_MESSAGES, type RecipientRejectReason } from "@/lib/phone/resolve-recipient";
import type { ContactStatusFilter, ListContactsQuery } from "@/lib/contacts/schemas";

/**
 * SQL shared by everything that reads contacts: the uploaded row (`c`, table contacts) with its
 * validation verdict (`v`, table contact_verdicts; none while the contact is pending).
 */

/** Contacts of a list with their verdicts: FROM … LEFT JOIN … for pages, exports and single rows. */
export function contactsWithVerdicts(listId: string): Prisma.Sql {
  return Prisma.sql`contacts c LEFT JOIN contact_verdicts v ON v.list_id = c.list_id AND v.contact_id = c.id
    WHERE c.list_id = ${listId}::uuid`;
}

/** The columns of a contact as the API presents it (see ContactRow below). */
export const CONTACT_COLUMNS = Prisma.sql`c.id, c.row_number, c.raw_phone, v.phone, v.country, v.operator,
  COALESCE(v.status::text, 'pending_validation') AS status, v.reason, COALESCE(v.is_duplicate, false) AS is_duplicate, c.fields`;

/**
 * How many distinct valid numbers of the list have opted out of the account's messages: the
 * recipients a campaign on it skips.
 */
export function optedOutRecipientCount(listId: string, accountId: string): Prisma.Sql {
  return Prisma.sql`SELECT count(*) AS opted_out FROM contact_verdicts v
    WHERE v.list_id = ${listId}::uuid AND v.status = 'valid' AND NOT v.is_duplicate
      AND EXISTS (SELECT 1 FROM opt_outs o WHERE o.account_id = ${accountId}::uuid AND o.phone = v.phone)`;
}

/**
 * Verdicts of the numbers a campaign on this list would message: valid, first occurrence of their
 * number, not opted out of the account's messages, after contact id `after` (expansion resumes)
 * and up to `through` (the end of an expansion slice).
 * Alias `v`; columns contact_id, phone, country, operator.
 */
export function eligibleRecipients(listId: string, accountId: string, after: bigint = 0n, through?: bigint): Prisma.Sql {
  return Prisma.sql`contact_verdicts v
    WHERE v.list_id = ${listId}::uuid AND v.status = 'valid' AND NOT v.is_duplicate AND v.contact_id > ${after}
      ${through === undefined ? Prisma.empty : Prisma.sql`AND v.contact_id <= ${through}`}
      AND NOT EXISTS (SELECT 1 FROM opt_outs o WHERE o.account_id = ${accountId}::uuid AND o.phone = v.phone)`;
}

function statusCondition(status: ContactStatusFilter | undefined) {
  switch (status) {
    case undefined:
      return Prisma.empty;
    case "pending_validation":
      return Prisma.sql`AND v.contact_id IS NULL`;
    case "duplicate":
      return Prisma.sql`AND v.status = 'valid' AND v.is_duplicate`;
    case "valid":
      return Prisma.sql`AND v.status = 'valid' AND NOT v.is_duplicate`;
    case "invalid":
      return Prisma.sql`AND v.status = 'invalid'`;
  }
}

export interface ContactRow {
  id: bigint;
  row_number: number;
  raw_phone: string;
  phone: string | null;
  country: string | null;
  operator: string | null;
  status: string;
  reason: string | null;
  is_duplicate: boolean;
  fields: Record<string, string>;
}

export function presentContact(row: ContactRow) {
  return {
    id: row.id.toString(),
    rowNumber: row.row_number,
    rawPhone: row.raw_phone,
    phone: row.phone,
    country: row.country,
    operator: row.operator,
    status: row.status,
    reason: row.reason,
    reasonMessage: row.reason ? (RECIPIENT_REJECT_MESSAGES[row.reason as RecipientRejectReason] ?? null) : null,
    isDuplicate: row.is_duplicate,
    fields: row.fields,
  };
}

export type ContactView = ReturnType<typeof presentContact>;

/** One page of a list's contacts in upload order, after contact id `cursor`. */
export async function readContactPage(listId: string, query: Pick<ListContactsQuery, "status" | "reason" | "cursor" | "limit">) {
  return db.$queryRaw<ContactRow[]>`
    SELECT ${CONTACT_COLUMNS}
    FROM ${contactsWithVerdicts(listId)} ${statusCondition(query.status)}
      ${query.reason ? Prisma.sql`AND v.reason = ${query.reason}` : Prisma.empty}
      ${query.cursor !== undefined ? Prisma.sql`AND c.id > ${BigInt(query.cursor)}` : Prisma.empty}
    ORDER BY c.id
    LIMIT ${query.limit}`;
}
