import { db } from "@/lib/db";
import { notFound } from "@/lib/http/errors";
import type { ListContactsQuery } from "@/lib/contacts/schemas";
import { presentContact, readContactPage } from "@/lib/contacts/contact-sql";

/** One page of a list's contacts in upload order; `nextCursor` continues after the last one. */
export async function listContacts(accountId: string, listId: string, query: Pick<ListContactsQuery, "status" | "reason" | "cursor" | "limit">) {
  const list = await db.contactList.findFirst({ where: { id: listId, accountId }, select: { id: true } });
  if (!list) throw notFound("Contact list");
  const rows = await readContactPage(listId, query);
  const data = rows.map(presentContact);
  return { data, nextCursor: rows.length === query.limit ? data[data.length - 1].id : null };
}
