import type { CountryCode } from "libphonenumber-js/max";
import { db } from "@/lib/db";
import { notFound } from "@/lib/http/errors";
import { loadPrefixRegistry } from "@/lib/phone/load-prefix-registry";
import { resolveRecipient } from "@/lib/phone/resolve-recipient";
import type { UpdateContactInput } from "@/lib/contacts/schemas";
import { CONTACT_COLUMNS, contactsWithVerdicts, presentContact, type ContactRow } from "@/lib/contacts/contact-sql";
import { requireEditableList } from "@/lib/contacts/editable-list";
import { flagDuplicates, refreshListCounts } from "@/lib/contacts/validate-contacts";

/** Fixes one number and re-validates it at once; duplicates and counts follow the change. */
export async function updateContact(accountId: string, listId: string, contactId: string, input: UpdateContactInput) {
  await requireEditableList(accountId, listId);
  if (!/^\d{1,18}$/.test(contactId)) throw notFound("Contact");
  const id = BigInt(contactId);
  const [account] = await db.$queryRaw<{ default_country: string }[]>`SELECT default_country FROM accounts WHERE id = ${accountId}::uuid`;
  const result = resolveRecipient(input.phone, account.default_country as CountryCode, await loadPrefixRegistry());
  return db.$transaction(async (tx) => {
    const updated = await tx.$executeRaw`
      UPDATE contacts SET raw_phone = ${input.phone}, updated_at = now() WHERE id = ${id} AND list_id = ${listId}::uuid`;
    if (updated === 0) throw notFound("Contact");
    const [previous] = await tx.$queryRaw<{ phone: string | null }[]>`
      DELETE FROM contact_verdicts WHERE list_id = ${listId}::uuid AND contact_id = ${id} RETURNING phone`;
    await tx.$executeRaw`
      INSERT INTO contact_verdicts (list_id, contact_id, status, phone, country, operator, reason)
      VALUES (${listId}::uuid, ${id}, ${result.ok ? "valid" : "invalid"}::"ContactStatus", ${result.ok ? result.e164 : null},
              ${result.ok ? result.country : null}, ${result.ok ? result.operator : null}, ${result.ok ? null : result.reason})`;
    await flagDuplicates(tx, listId, { phones: [previous?.phone ?? null, result.ok ? result.e164 : null].filter((phone): phone is string => phone !== null) });
    const counts = await refreshListCounts(tx, listId);
    const [row] = await tx.$queryRaw<ContactRow[]>`SELECT ${CONTACT_COLUMNS} FROM ${contactsWithVerdicts(listId)} AND c.id = ${id}`;
    return { contact: presentContact(row), counts };
  });
}
