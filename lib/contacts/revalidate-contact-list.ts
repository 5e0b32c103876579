import { db, Prisma } from "@/lib/db";
import { requireEditableList } from "@/lib/contacts/editable-list";
import { startValidationRun } from "@/lib/contacts/validate-contacts";

/** Validates the list's invalid (or, with `all`, every) contact again, e.g. after the prefix registry changed. */
export async function revalidateContactList(accountId: string, listId: string, scope: "invalid" | "all" = "invalid") {
  await requireEditableList(accountId, listId);
  await db.$executeRaw`
    DELETE FROM contact_verdicts WHERE list_id = ${listId}::uuid ${scope === "invalid" ? Prisma.sql`AND status = 'invalid'` : Prisma.empty}`;
  const run = await startValidationRun(listId);
  return { contactListId: listId, jobId: run.runId, status: run.status };
}
