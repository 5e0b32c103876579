import { Readable, type Duplex } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import Papa from "papaparse";
import { db, withPgClient } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/http/errors";
import { logger } from "@/lib/logger";
import { copyRows, CopyTextBuilder } from "@/lib/pg-copy";
import { CsvTextDecoder } from "@/lib/contacts/csv-text-decoder";
import type { CsvUploadOptions } from "@/lib/contacts/schemas";
import { startValidationRun } from "@/lib/contacts/validate-contacts";

const log = logger.child({ component: "contacts.import" });

/** Rows per INSERT: large enough to keep round trips few, small enough to bound memory. */
export const IMPORT_BATCH_SIZE = 5_000;
const MAX_COLUMNS = 50;
const MAX_CELL_LENGTH = 500;
const MAX_RAW_PHONE_LENGTH = 64;

const PHONE_HEADER = /^(phone|phone_?number|phone_?no|mobile|mobile_?number|msisdn|number|tel|telephone|cell|cellphone|recipient|to)$/;

export interface ImportResult {
  contactListId: string;
  jobId: string;
  status: "validating" | "ready";
  totalCount: number;
}

interface PendingRow {
  rowNumber: number;
  rawPhone: string;
  fields: string;
}

/** Turns a CSV header into a `{{field}}` name: lower case, letters, digits and underscores. */
export function toFieldName(header: string): string {
  const name = header
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "_")
    .replace(/^_+|_+$/g, "");
  return name || "field";
}

function looksLikePhone(cell: string): boolean {
  return (cell.match(/\d/g)?.length ?? 0) >= 7;
}

/** Postgres text cannot hold NUL characters (a binary file renamed .csv has them): they are dropped. */
function cleanCell(value: string): string {
  return (value.includes("\u0000") ? value.replaceAll("\u0000", "") : value).trim();
}

function uniqueNames(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const count = seen.get(name) ?? 0;
    seen.set(name, count + 1);
    return count === 0 ? name : `${name}_${count + 1}`;
  });
}

/** Decides, from the first row (and the first data row when needed), which column holds the numbers. */
class ColumnLayout {
  phoneIndex = -1;
  fieldNames: string[] = [];
  phoneColumn: string | null = null;
  private headers: string[] | null = null;

  constructor(private readonly options: CsvUploadOptions) {}

  /** Consumes the first row; returns true when it was a header (not a contact). */
  acceptFirstRow(row: string[]): boolean {
    const hasHeader = this.options.header === "true" || (this.options.header === "auto" && (this.options.phoneColumn !== undefined || !row.some(looksLikePhone)));
    if (!hasHeader) {
      this.settle(row.map((_, index) => `column_${index + 1}`), this.indexFromData(row));
      return false;
    }
    this.headers = row.map(cleanCell);
    if (this.options.phoneColumn !== undefined) {
      const wanted = this.options.phoneColumn.trim().toLowerCase();
      const index = this.headers.findIndex((header) => header.toLowerCase() === wanted || toFieldName(header) === toFieldName(wanted));
      if (index < 0) {
        throw new AppError("validation_failed", `The file has no column named "${this.options.phoneColumn}"`, [
          { field: "phoneColumn", message: `is not a column of the file; its columns are: ${this.headers.join(", ")}` },
        ]);
      }
      this.settle(this.headers, index);
    } else {
      const index = this.headers.findIndex((header) => PHONE_HEADER.test(toFieldName(header)));
      if (index >= 0 || this.headers.length === 1) this.settle(this.headers, Math.max(index, 0));
    }
    return true;
  }

  /** Without a recognisable phone header, the first data row picks the column that holds a number. */
  acceptDataRow(row: string[]): void {
    if (this.phoneIndex >= 0) return;
    const headers = this.headers ?? [];
    const index = this.indexFromData(row);
    if (index < 0 || !row.some(looksLikePhone)) {
      throw new AppError("validation_failed", "Choose the column that holds the phone numbers (phoneColumn)", [
        { field: "phoneColumn", message: headers.length > 0 ? `choose one of: ${headers.join(", ")}` : "no column holds phone numbers" },
      ]);
    }
    this.settle(headers, index);
  }

  private indexFromData(row: string[]): number {
    const index = row.findIndex(looksLikePhone);
    return index >= 0 ? index : 0;
  }

  private settle(headers: string[], phoneIndex: number) {
    this.phoneIndex = phoneIndex;
    this.phoneColumn = headers[phoneIndex] ?? null;
    this.fieldNames = uniqueNames(headers.slice(0, MAX_COLUMNS).map(toFieldName));
  }

  toRow(row: string[], rowNumber: number): PendingRow {
    const fields: Record<string, string> = {};
    const limit = Math.min(row.length, MAX_COLUMNS);
    for (let index = 0; index < limit; index++) {
      if (index === this.phoneIndex) continue;
      const name = this.fieldNames[index] ?? `column_${index + 1}`;
      fields[name] = cleanCell(row[index]).slice(0, MAX_CELL_LENGTH);
    }
    return { rowNumber, rawPhone: cleanCell(row[this.phoneIndex] ?? "").slice(0, MAX_RAW_PHONE_LENGTH), fields: JSON.stringify(fields) };
  }

  personalisationFields(): string[] {
    return this.fieldNames.filter((_, index) => index !== this.phoneIndex);
  }
}

/** Appends a batch with COPY (Postgres's bulk load path), on one pooled connection for the batch only. */
async function insertBatch(listId: string, rows: PendingRow[]) {
  if (rows.length === 0) return;
  const text = new CopyTextBuilder();
  for (const row of rows) text.row([listId, row.rowNumber, row.rawPhone, row.fields]);
  await withPgClient((client) => copyRows(client, "COPY contacts (list_id, row_number, raw_phone, fields) FROM STDIN", text));
}

async function createUploadingList(accountId: string, name: string, source: string) {
  const list = await db.contactList.create({ data: { accountId, name, source, status: "uploading" }, select: { id: true } });
  return list.id;
}

async function finishUpload(listId: string, totalCount: number, phoneColumn: string | null, fields: string[]): Promise<ImportResult> {
  if (totalCount === 0) {
    await db.contactList.delete({ where: { id: listId } });
    throw new AppError("validation_failed", "The upload contains no contacts");
  }
  await db.contactList.update({ where: { id: listId }, data: { totalCount, pendingCount: totalCount, phoneColumn, fields, status: "validating" } });
  const run = await startValidationRun(listId);
  return { contactListId: listId, jobId: run.runId, status: run.status, totalCount };
}

async function abandon(listId: string, error: unknown): Promise<never> {
  await db.contactList.delete({ where: { id: listId } }).catch((cleanupError: unknown) => {
    log.error("could not remove a failed upload", { listId, err: cleanupError });
  });
  throw error;
}

function toNodeReadable(source: Readable | ReadableStream<Uint8Array>): Readable {
  return source instanceof Readable ? source : Readable.fromWeb(source as WebReadableStream<Uint8Array>);
}

/**
 * Streams a CSV into a new contact list: rows are parsed as they arrive and written in batches
 * of {@link IMPORT_BATCH_SIZE}, so a million-row file never sits in memory. Starts validation.
 */
export async function importContactsCsv(
  accountId: string,
  source: Readable | ReadableStream<Uint8Array>,
  options: CsvUploadOptions,
  maxBytes: number = env.CONTACT_UPLOAD_MAX_BYTES,
): Promise<ImportResult> {
  const listId = await createUploadingList(accountId, options.name ?? `Upload ${new Date().toISOString().slice(0, 16).replace("T", " ")}`, "csv");
  try {
    const layout = new ColumnLayout(options);
    // Papaparse's stream is fed chunk by chunk and read through 'data' events (its async iterator
    // pauses for milliseconds per row); rows are taken off after every chunk, so at most one
    // chunk's rows wait while a batch is written.
    const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { skipEmptyLines: "greedy" }) as unknown as Duplex;
    const parsed: string[][] = [];
    parser.on("data", (row: string[]) => parsed.push(row));
    const ended = new Promise<void>((resolve, reject) => {
      parser.once("end", resolve);
      parser.once("error", reject);
    });

    const batch: PendingRow[] = [];
    let rowNumber = 0;
    let first = true;
    const takeRows = async (flush: boolean) => {
      for (const row of parsed.splice(0)) {
        if (first) {
          first = false;
          if (layout.acceptFirstRow(row)) continue;
        }
        layout.acceptDataRow(row);
        rowNumber++;
        batch.push(layout.toRow(row, rowNumber));
      }
      while (batch.length >= IMPORT_BATCH_SIZE || (flush && batch.length > 0)) {
        await insertBatch(listId, batch.splice(0, IMPORT_BATCH_SIZE));
      }
    };

    const write = (text: string) => new Promise<void>((resolve, reject) => parser.write(text, (error) => (error ? reject(error) : resolve())));
    const decoder = new CsvTextDecoder();
    let received = 0;
    for await (const chunk of toNodeReadable(source)) {
      received += (chunk as Buffer).length;
      if (received > maxBytes) throw new AppError("payload_too_large", `Upload exceeds ${maxBytes} bytes`);
      const text = decoder.write(chunk as Buffer);
      if (text) await write(text);
      await takeRows(false);
    }
    const rest = decoder.end();
    if (rest) await write(rest);
    parser.end();
    await ended;
    await takeRows(true);
    return await finishUpload(listId, rowNumber, layout.phoneColumn, layout.personalisationFields());
  } catch (error) {
    return abandon(listId, error);
  }
}

/** A list from numbers given directly (JSON or pasted): same storage and validation as a CSV. */
export async function importContactNumbers(accountId: string, name: string, numbers: readonly string[], source = "numbers"): Promise<ImportResult> {
  const listId = await createUploadingList(accountId, name, source);
  try {
    const rows = numbers.map((number, index) => ({ rowNumber: index + 1, rawPhone: cleanCell(number).slice(0, MAX_RAW_PHONE_LENGTH), fields: "{}" }));
    for (let start = 0; start < rows.length; start += IMPORT_BATCH_SIZE) {
      await insertBatch(listId, rows.slice(start, start + IMPORT_BATCH_SIZE));
    }
    return await finishUpload(listId, rows.length, null, []);
  } catch (error) {
    return abandon(listId, error);
  }
}
