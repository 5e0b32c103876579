import Papa from "papaparse";
import { formatIsoLocal } from "@/lib/format";
import type { KeysetCursor } from "@/lib/http/keyset-cursor";
import { messageStatusLabel } from "@/lib/messages/status";
import { readMessagePage, type MessageSearchFilters, type MessageSearchRow, type SearchContext } from "@/lib/messages/search-messages";

const PAGE_SIZE = 2_000;

export const MESSAGE_CSV_HEADER = ["id", "created", "recipient", "sender", "status", "reason", "network", "class", "parts", "cost_kes", "charge", "sent", "completed", "campaign_id", "body"];

function toLine(row: MessageSearchRow, timeZone: string): (string | number)[] {
  const at = (value: Date | null) => (value ? formatIsoLocal(value, timeZone) : "");
  return [
    row.id,
    at(row.createdAt),
    row.to,
    row.from,
    messageStatusLabel(row.status),
    row.statusReason ?? "",
    row.operator,
    row.messageClass,
    row.segments,
    (row.cost / 100).toFixed(2),
    row.chargeState,
    at(row.sentAt),
    at(row.completedAt),
    row.campaignId ?? "",
    row.body,
  ];
}

/**
 * The filtered messages as CSV, newest first, read a page at a time as the client consumes the
 * stream (keyset pagination): any number of rows without holding them in memory. Times are in the
 * account's time zone, to the second.
 */
export function exportMessagesCsv(context: SearchContext, filters: MessageSearchFilters): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: KeysetCursor | undefined;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`${Papa.unparse([MESSAGE_CSV_HEADER])}\r\n`));
      }
      const page = await readMessagePage(context, filters, cursor, PAGE_SIZE);
      if (page.data.length > 0) {
        controller.enqueue(encoder.encode(`${Papa.unparse(page.data.map((row) => toLine(row, context.timeZone)), { escapeFormulae: true })}\r\n`));
      }
      if (!page.nextCursor || !page.last) {
        controller.close();
        return;
      }
      cursor = { createdAt: page.last.createdAt, id: page.last.id };
    },
  });
}
