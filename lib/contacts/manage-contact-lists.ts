import type { CountryCode } from "libphonenumber-js/max";
import Papa from "papaparse";
import { db, Prisma } from "@/lib/db";
import { AppError, notFound } from "@/lib/http/errors";
import { loadPrefixRegistry } from "@/lib/phone/load-prefix-registry";
import { RECIPIENT_REJECT_MESSAGES, resolveRecipient, type RecipientRejectReason } from "@/lib/phone/resolve-recipient";
import type { ContactStatusFilter, ListContactsQuery, UpdateContactInput } from "@/lib/contacts/schemas";
import { CONTACT_COLUMNS, contactsWithVerdicts } from "@/lib/contacts/contact-sql";
import { flagDuplicates, refreshListCounts, startValidationRun } from "@/lib/contacts/validate-contacts";

const listSelect = {
  id: true,
  name: true,
  status: true,
  source: true,
  phoneColumn: true,
  fields: true,
  totalCount: true,
  validCount: true,
  invalidCount: true,
  duplicateCount: true,
  pendingCount: true,
  createdAt: true,
  validatedAt: true,
} as const;

export type ContactListSummary = Awaited<ReturnType<typeof getContactList>>;

function withProgress<T extends { totalCount: number; pendingCount: number }>(list: T) {
  const done = list.totalCount - list.pendingCount;
  return { ...list, progress: list.totalCount === 0 ? 1 : Math.min(1, done / list.totalCount) };
}

export async function listContactLists(accountId: string, options: { limit?: number; status?: "ready" } = {}) {
  const lists = await db.contactList.findMany({
    where: { accountId, status: options.status ?? { not: "uploading" } },
    orderBy: { createdAt: "desc" },
    take: options.limit ?? 50,
    select: listSelect,
  });
  return lists.map(withProgress);
}

export async function getContactList(accountId: string, listId: string) {
  const list = await db.contactList.findFirst({ where: { id: listId, accountId }, select: listSelect });
  if (!list) throw notFound("Contact list");
  const run = await db.contactValidationRun.findFirst({
    where: { listId },
    orderBy: { createdAt: "desc" },
    select: { id: true, chunksTotal: true, chunksDone: true, status: true, completedAt: true },
  });
  return { ...withProgress(list), validationRun: run };
}

/** Campaigns that still need the list's contacts: editing or deleting it would change what they send. */
async function assertNotInUse(listId: string) {
  const active = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM campaigns
    WHERE contact_list_id = ${listId}::uuid
      AND (status IN ('pending_content_check', 'scheduled') OR (status = 'queued' AND reserved_amount > 0))
    LIMIT 1`;
  if (active.length > 0) {
    throw new AppError("invalid_state", `A campaign waiting to send (${active[0].id}) uses this list; cancel it or wait until it is sent`);
  }
}

async function requireEditableList(accountId: string, listId: string) {
  const list = await db.contactList.findFirst({ where: { id: listId, accountId }, select: { id: true, status: true } });
  if (!list) throw notFound("Contact list");
  if (list.status === "validating" || list.status === "uploading") {
    throw new AppError("invalid_state", "The list is still being validated");
  }
  await assertNotInUse(listId);
  return list;
}

export async function deleteContactList(accountId: string, listId: string): Promise<void> {
  const list = await db.contactList.findFirst({ where: { id: listId, accountId }, select: { id: true } });
  if (!list) throw notFound("Contact list");
  await assertNotInUse(listId);
  // The list first (its contacts and runs go with it; a chunk being written holds the run, so this
  // waits for it), then the verdicts, which have no foreign key to cascade along.
  await db.$transaction([
    db.contactList.delete({ where: { id: listId } }),
    db.$executeRaw`DELETE FROM contact_verdicts WHERE list_id = ${listId}::uuid`,
  ]);
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

interface ContactRow {
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

function presentContact(row: ContactRow) {
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

async function readContactPage(listId: string, query: Pick<ListContactsQuery, "status" | "reason" | "cursor" | "limit">) {
  return db.$queryRaw<ContactRow[]>`
    SELECT ${CONTACT_COLUMNS}
    FROM ${contactsWithVerdicts(listId)} ${statusCondition(query.status)}
      ${query.reason ? Prisma.sql`AND v.reason = ${query.reason}` : Prisma.empty}
      ${query.cursor !== undefined ? Prisma.sql`AND c.id > ${BigInt(query.cursor)}` : Prisma.empty}
    ORDER BY c.id
    LIMIT ${query.limit}`;
}

/** One page of a list's contacts in upload order; `nextCursor` continues after the last one. */
export async function listContacts(accountId: string, listId: string, query: Pick<ListContactsQuery, "status" | "reason" | "cursor" | "limit">) {
  const list = await db.contactList.findFirst({ where: { id: listId, accountId }, select: { id: true } });
  if (!list) throw notFound("Contact list");
  const rows = await readContactPage(listId, query);
  const data = rows.map(presentContact);
  return { data, nextCursor: rows.length === query.limit ? data[data.length - 1].id : null };
}

/** A CSV of a list's contacts (e.g. the invalid ones with reasons), produced page by page as it is read. */
export async function exportContactsCsv(accountId: string, listId: string, status: ContactStatusFilter | undefined): Promise<ReadableStream<Uint8Array>> {
  const list = await db.contactList.findFirst({ where: { id: listId, accountId }, select: { id: true, fields: true } });
  if (!list) throw notFound("Contact list");
  const encoder = new TextEncoder();
  const header = ["row", "phone", "normalised", "status", "reason", "duplicate", ...list.fields];
  let cursor: number | undefined;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`${Papa.unparse([header])}\r\n`));
      }
      const rows = await readContactPage(listId, { status, cursor, limit: 5_000 });
      if (rows.length === 0) {
        controller.close();
        return;
      }
      cursor = Number(rows[rows.length - 1].id);
      const lines = rows.map((row) => [
        row.row_number,
        row.raw_phone,
        row.phone ?? "",
        row.status,
        row.reason ?? "",
        row.is_duplicate ? "yes" : "",
        ...list.fields.map((field) => row.fields[field] ?? ""),
      ]);
      controller.enqueue(encoder.encode(`${Papa.unparse(lines, { escapeFormulae: true })}\r\n`));
    },
  });
}

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

/** Validates the list's invalid (or, with `all`, every) contact again, e.g. after the prefix registry changed. */
export async function revalidateContactList(accountId: string, listId: string, scope: "invalid" | "all" = "invalid") {
  await requireEditableList(accountId, listId);
  await db.$executeRaw`
    DELETE FROM contact_verdicts WHERE list_id = ${listId}::uuid ${scope === "invalid" ? Prisma.sql`AND status = 'invalid'` : Prisma.empty}`;
  const run = await startValidationRun(listId);
  return { contactListId: listId, jobId: run.runId, status: run.status };
}
