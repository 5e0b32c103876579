import Papa from "papaparse";
import { db, type Prisma } from "@/lib/db";
import { formatIsoLocal } from "@/lib/format";
import type { LedgerType } from "@/lib/credits/list-ledger";

const PAGE_SIZE = 5_000;

export interface LedgerExportFilters {
  type?: LedgerType;
  since?: Date;
  until?: Date;
}

export const LEDGER_CSV_HEADER = ["id", "time", "type", "amount_kes", "message_id", "campaign_id", "description"];

/**
 * The account's ledger (filtered) as CSV, newest first, read a page at a time as the stream is
 * consumed: keyset pagination on (created_at, id), never all rows at once. Times in `timeZone`.
 */
export function exportLedgerCsv(accountId: string, timeZone: string, filters: LedgerExportFilters): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const base: Prisma.LedgerEntryWhereInput = {
    accountId,
    ...(filters.type ? { type: filters.type } : {}),
    ...(filters.since || filters.until ? { createdAt: { gte: filters.since, lt: filters.until } } : {}),
  };
  let after: { createdAt: Date; id: bigint } | undefined;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`${Papa.unparse([LEDGER_CSV_HEADER])}\r\n`));
      }
      const rows = await db.ledgerEntry.findMany({
        where: after ? { AND: [base, { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }] } : base,
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: PAGE_SIZE,
        select: { id: true, type: true, amount: true, messageId: true, campaignId: true, description: true, createdAt: true },
      });
      if (rows.length > 0) {
        const lines = rows.map((row) => [
          row.id.toString(),
          formatIsoLocal(row.createdAt, timeZone),
          row.type,
          (Number(row.amount) / 100).toFixed(2),
          row.messageId ?? "",
          row.campaignId ?? "",
          row.description ?? "",
        ]);
        controller.enqueue(encoder.encode(`${Papa.unparse(lines, { escapeFormulae: true })}\r\n`));
      }
      const last = rows.at(-1);
      if (rows.length < PAGE_SIZE || !last) {
        controller.close();
        return;
      }
      after = { createdAt: last.createdAt, id: last.id };
    },
  });
}
