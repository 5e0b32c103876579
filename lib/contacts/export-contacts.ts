import Papa from "papaparse";
import { db } from "@/lib/db";
import { notFound } from "@/lib/http/errors";
import type { ContactStatusFilter } from "@/lib/contacts/schemas";
import { readContactPage } from "@/lib/contacts/contact-sql";
import { invalidDetail, INVALID_DETAIL_MESSAGES } from "@/lib/contacts/invalid-reason";
import type { CountryCode } from "libphonenumber-js/max";

export interface ExportOptions {
  /** Adds a `problem` column: the precise reason an invalid number was refused (the portal's download). */
  problems?: boolean;
}

/** A CSV of a list's contacts (e.g. the invalid ones with reasons), produced page by page as it is read. */
export async function exportContactsCsv(accountId: string, listId: string, status: ContactStatusFilter | undefined, options: ExportOptions = {}): Promise<ReadableStream<Uint8Array>> {
  const list = await db.contactList.findFirst({ where: { id: listId, accountId }, select: { id: true, fields: true, account: { select: { defaultCountry: true } } } });
  if (!list) throw notFound("Contact list");
  const encoder = new TextEncoder();
  const defaultCountry = list.account.defaultCountry as CountryCode;
  const header = ["row", "phone", "normalised", "status", "reason", ...(options.problems ? ["problem"] : []), "duplicate", ...list.fields];
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
        ...(options.problems ? [row.status === "invalid" ? INVALID_DETAIL_MESSAGES[invalidDetail(row.raw_phone, row.reason, defaultCountry)] : ""] : []),
        row.is_duplicate ? "yes" : "",
        ...list.fields.map((field) => row.fields[field] ?? ""),
      ]);
      controller.enqueue(encoder.encode(`${Papa.unparse(lines, { escapeFormulae: true })}\r\n`));
    },
  });
}
