import { db } from "@/lib/db";
import { requireEditableList } from "@/lib/contacts/editable-list";
import { refreshListCounts } from "@/lib/contacts/validate-contacts";

/** Drops every invalid contact, leaving the list with the numbers that can be messaged. */
export async function removeInvalidContacts(accountId: string, listId: string) {
  await requireEditableList(accountId, listId);
  return db.$transaction(async (tx) => {
    const removed = await tx.$executeRaw`
      WITH gone AS (DELETE FROM contact_verdicts WHERE list_id = ${listId}::uuid AND status = 'invalid' RETURNING contact_id)
      DELETE FROM contacts WHERE list_id = ${listId}::uuid AND id IN (SELECT contact_id FROM gone)`;
    const counts = await refreshListCounts(tx, listId);
    return { removed, counts };
  });
}
