import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/http/errors";

/** Campaigns that still need the list's contacts: editing or deleting it would change what they send. */
export async function assertListNotInUse(listId: string) {
  const active = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM campaigns
    WHERE contact_list_id = ${listId}::uuid
      AND (status IN ('pending_content_check', 'scheduled') OR (status = 'queued' AND reserved_amount > 0))
    LIMIT 1`;
  if (active.length > 0) {
    throw new AppError("invalid_state", `A campaign waiting to send (${active[0].id}) uses this list; cancel it or wait until it is sent`);
  }
}

/** The list, if it may be edited now: not being validated and not waiting to be sent by a campaign. */
export async function requireEditableList(accountId: string, listId: string) {
  const list = await db.contactList.findFirst({ where: { id: listId, accountId }, select: { id: true, status: true } });
  if (!list) throw notFound("Contact list");
  if (list.status === "validating" || list.status === "uploading") {
    throw new AppError("invalid_state", "The list is still being validated");
  }
  await assertListNotInUse(listId);
  return list;
}
