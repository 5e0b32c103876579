import { db, Prisma } from "@/lib/db";
import { notFound } from "@/lib/http/errors";

export interface DuplicateContact {
  id: string;
  rowNumber: number;
  rawPhone: string;
  phone: string;
  /** The row of the first contact with this number: the one that is messaged. */
  firstRowNumber: number;
}

/** A page of a list's duplicate contacts, each with the earlier row it repeats; `nextCursor` continues. */
export async function listDuplicateContacts(accountId: string, listId: string, query: { cursor?: number; limit: number }) {
  const list = await db.contactList.findFirst({ where: { id: listId, accountId }, select: { id: true } });
  if (!list) throw notFound("Contact list");
  // The page first, then one pass over the list for the first contact of just those numbers.
  const rows = await db.$queryRaw<{ id: bigint; row_number: number; raw_phone: string; phone: string; first_row: number }[]>`
    WITH page AS (
      SELECT c.id, c.row_number, c.raw_phone, v.phone FROM contact_verdicts v JOIN contacts c ON c.id = v.contact_id
      WHERE v.list_id = ${listId}::uuid AND v.status = 'valid' AND v.is_duplicate
        ${query.cursor !== undefined ? Prisma.sql`AND v.contact_id > ${BigInt(query.cursor)}` : Prisma.empty}
      ORDER BY v.contact_id LIMIT ${query.limit}
    ), firsts AS (
      SELECT fv.phone, min(fv.contact_id) AS first_id FROM contact_verdicts fv
      WHERE fv.list_id = ${listId}::uuid AND fv.status = 'valid' AND NOT fv.is_duplicate AND fv.phone IN (SELECT phone FROM page)
      GROUP BY fv.phone
    )
    SELECT page.id, page.row_number, page.raw_phone, page.phone, fc.row_number AS first_row
    FROM page JOIN firsts f ON f.phone = page.phone JOIN contacts fc ON fc.id = f.first_id
    ORDER BY page.id`;
  const data = rows.map((row) => ({ id: row.id.toString(), rowNumber: row.row_number, rawPhone: row.raw_phone, phone: row.phone, firstRowNumber: row.first_row }));
  return { data, nextCursor: rows.length === query.limit ? data[data.length - 1].id : null };
}
