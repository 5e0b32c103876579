import type { CountryCode } from "libphonenumber-js/max";
import Papa from "papaparse";
import { db, Prisma } from "@/lib/db";
import { AppError, notFound } from "@/lib/http/errors";
import { loadPrefixRegistry } from "@/lib/phone/load-prefix-registry";
import { RECIPIENT_REJECT_MESSAGES, resolveRecipient, type RecipientRejectReason } from "@/lib/phone/resolve-recipient";
import type { ContactStatusFilter, ListContactsQuery, UpdateContactInput } from "@/lib/contacts/schemas";
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
    throw new AppError("invalid_state", "A campaign waiting to send uses this list; cancel it or wait until it is sent", {
      campaignId: active[0].id,
    });
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
  await db.contactList.delete({ where: { id: listId } });
}

function statusCondition(status: ContactStatusFilter | undefined) {
  switch (status) {
    case undefined:
      return Prisma.empty;
    case "duplicate":
      return Prisma.sql`AND status = 'valid' AND is_duplicate`;
    case "valid":
      return Prisma.sql`AND status = 'valid' AND NOT is_duplicate`;
    default:
      return Prisma.sql`AND status = ${status}::"ContactStatus"`;
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
    SELECT id, row_number, raw_phone, phone, country, operator, status::text AS status, reason, is_duplicate, fields
    FROM contacts
    WHERE list_id = ${listId}::uuid ${statusCondition(query.status)}
      ${query.reason ? Prisma.sql`AND reason = ${query.reason}` : Prisma.empty}
      ${query.cursor !== undefined ? Prisma.sql`AND id > ${BigInt(query.cursor)}` : Prisma.empty}
    ORDER BY id
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
  const contact = await db.contact.findFirst({ where: { id: BigInt(contactId), listId }, select: { id: true, phone: true } });
  if (!contact) throw notFound("Contact");
  const [account] = await db.$queryRaw<{ default_country: string }[]>`SELECT default_country FROM accounts WHERE id = ${accountId}::uuid`;
  const result = resolveRecipient(input.phone, account.default_country as CountryCode, await loadPrefixRegistry());
  return db.$transaction(async (tx) => {
    await tx.contact.update({
      where: { id: contact.id },
      data: result.ok
        ? { rawPhone: input.phone, status: "valid", phone: result.e164, country: result.country, operator: result.operator, reason: null, isDuplicate: false, updatedAt: new Date() }
        : { rawPhone: input.phone, status: "invalid", phone: null, country: null, operator: null, reason: result.reason, isDuplicate: false, updatedAt: new Date() },
    });
    await flagDuplicates(tx, listId, [contact.phone, result.ok ? result.e164 : null].filter((phone): phone is string => phone !== null));
    const counts = await refreshListCounts(tx, listId);
    const [row] = await tx.$queryRaw<ContactRow[]>`
      SELECT id, row_number, raw_phone, phone, country, operator, status::text AS status, reason, is_duplicate, fields
      FROM contacts WHERE id = ${contact.id}`;
    return { contact: presentContact(row), counts };
  });
}

/** Drops every invalid contact, leaving the list with the numbers that can be messaged. */
export async function removeInvalidContacts(accountId: string, listId: string) {
  await requireEditableList(accountId, listId);
  return db.$transaction(async (tx) => {
    const removed = await tx.$executeRaw`DELETE FROM contacts WHERE list_id = ${listId}::uuid AND status = 'invalid'`;
    const counts = await refreshListCounts(tx, listId);
    return { removed, counts };
  });
}

/** Validates the list's invalid (or, with `all`, every) contact again, e.g. after the prefix registry changed. */
export async function revalidateContactList(accountId: string, listId: string, scope: "invalid" | "all" = "invalid") {
  await requireEditableList(accountId, listId);
  await db.$executeRaw`
    UPDATE contacts SET status = 'pending_validation', phone = NULL, country = NULL, operator = NULL, reason = NULL,
      is_duplicate = false, updated_at = now()
    WHERE list_id = ${listId}::uuid ${scope === "invalid" ? Prisma.sql`AND status = 'invalid'` : Prisma.empty}`;
  const run = await startValidationRun(listId);
  return { contactListId: listId, jobId: run.runId, status: run.status };
}
