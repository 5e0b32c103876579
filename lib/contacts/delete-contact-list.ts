import { db } from "@/lib/db";
import { notFound } from "@/lib/http/errors";
import { assertListNotInUse } from "@/lib/contacts/editable-list";

export async function deleteContactList(accountId: string, listId: string): Promise<void> {
  const list = await db.contactList.findFirst({ where: { id: listId, accountId }, select: { id: true } });
  if (!list) throw notFound("Contact list");
  await assertListNotInUse(listId);
  // The list first (its contacts and runs go with it; a chunk being written holds the run, so this
  // waits for it), then the verdicts, which have no foreign key to cascade along.
  await db.$transaction([
    db.contactList.delete({ where: { id: listId } }),
    db.$executeRaw`DELETE FROM contact_verdicts WHERE list_id = ${listId}::uuid`,
  ]);
}
