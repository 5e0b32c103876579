import { Prisma } from "@/lib/db";

/**
 * SQL shared by everything that reads contacts: the uploaded row (`c`, table contacts) with its
 * validation verdict (`v`, table contact_verdicts; none while the contact is pending).
 */

/** Contacts of a list with their verdicts: FROM … LEFT JOIN … for pages, exports and single rows. */
export function contactsWithVerdicts(listId: string): Prisma.Sql {
  return Prisma.sql`contacts c LEFT JOIN contact_verdicts v ON v.list_id = c.list_id AND v.contact_id = c.id
    WHERE c.list_id = ${listId}::uuid`;
}

/** The columns of a contact as the API presents it (see ContactRow in manage-contact-lists). */
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
