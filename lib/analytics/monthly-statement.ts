import Papa from "papaparse";
import { getMessageAnalytics } from "@/lib/analytics/get-message-analytics";
import { localMonthBounds } from "@/lib/analytics/local-day";
import { db } from "@/lib/db";
import { fieldError } from "@/lib/http/errors";

const kes = (minor: number) => (minor / 100).toFixed(2);

async function ledgerTotals(accountId: string, start: Date, end: Date): Promise<Record<string, number>> {
  const rows = await db.$queryRaw<{ type: string; total: bigint }[]>`
    SELECT type::text AS type, COALESCE(sum(amount), 0)::bigint AS total
    FROM ledger_entries
    WHERE account_id = ${accountId}::uuid AND created_at >= ${start} AND created_at < ${end}
    GROUP BY type`;
  return Object.fromEntries(rows.map((row) => [row.type, Number(row.total)]));
}

/** The calendar month (yyyy-mm) that contains `now` in `timeZone`. */
export function currentMonth(timeZone: string, now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit" }).formatToParts(now);
  const value = (type: string) => parts.find((part) => part.type === type)?.value ?? "";
  return `${value("year")}-${value("month")}`;
}

/**
 * A month's statement as CSV: credit movements, then messages, delivery and cost per network,
 * then per day, all in the account's time zone. Small whatever the volume: every figure is grouped in SQL.
 */
export async function monthlyStatementCsv(account: { id: string; name: string; timezone: string }, month: string): Promise<string> {
  const bounds = localMonthBounds(month, account.timezone);
  if (!bounds) throw fieldError("validation_failed", "month", "must be a calendar month (yyyy-mm)");
  const [ledger, analytics] = await Promise.all([
    ledgerTotals(account.id, bounds.start, bounds.end),
    getMessageAnalytics(account.id, account.timezone, "month", new Date(bounds.end.getTime() - 1)),
  ]);
  const rate = (value: number | null) => (value === null ? "" : (value * 100).toFixed(1));
  const rows: (string | number)[][] = [
    ["section", "item", "messages", "delivered", "not_delivered", "in_flight", "delivery_rate_pct", "segments", "amount_kes"],
    ["statement", `${account.name} ${month} (${account.timezone})`, "", "", "", "", "", "", ""],
    ["credit", "topped_up", "", "", "", "", "", "", kes(ledger.topup ?? 0)],
    ["credit", "charged", "", "", "", "", "", "", kes(ledger.capture ?? 0)],
    ["credit", "reserved", "", "", "", "", "", "", kes(ledger.reserve ?? 0)],
    ["credit", "returned", "", "", "", "", "", "", kes(ledger.release ?? 0)],
    ...analytics.networks.map((row) => ["network", row.operator, row.total, row.delivered, row.notDelivered, row.pending, rate(row.deliveryRate), row.segments, kes(row.spent)]),
    ["total", "all networks", analytics.totals.total, analytics.totals.delivered, analytics.totals.notDelivered, analytics.totals.pending, rate(analytics.totals.deliveryRate), analytics.totals.segments, kes(analytics.totals.spent)],
    ...analytics.days.map((day) => ["day", day.day, day.total, day.delivered, day.failed + day.rejected + day.expired, day.sent + day.pending, "", "", kes(day.spent)]),
  ];
  return `${Papa.unparse(rows, { escapeFormulae: true })}\r\n`;
}
