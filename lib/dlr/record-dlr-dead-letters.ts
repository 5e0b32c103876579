import { db } from "@/lib/db";
import { sqlState } from "@/lib/db-errors";
import type { InboundDlr, RejectedDlr } from "@/lib/dlr/schemas";
import { hasUnstorableText, isStorableDate } from "@/lib/validation/pg-safe";

const REPORT_CHARS = 8_000;
const ERROR_CHARS = 1_000;
const SHORT_CHARS = 128;

/** Cuts to `max` characters without leaving half of a surrogate pair at the end. */
function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/** JSON text of any value. JSON escapes NUL and unpaired surrogates, so the result is always storable. */
function escapedJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** `text` as given when Postgres can store it, otherwise its JSON-escaped form. */
function storableText(text: string, max: number): string {
  return truncate(hasUnstorableText(text) ? escapedJson(text).slice(1, -1) : text, max);
}

function storableId(id: string | null | undefined): string | null {
  return id && !hasUnstorableText(id) ? truncate(id, SHORT_CHARS) : null;
}

function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = sqlState(error);
  return storableText(code ? `${code}: ${message}` : message, ERROR_CHARS);
}

/**
 * Records reports the callback refused (stage `callback`) before the provider is answered, so a
 * refused report is durable and counted, never silently dropped.
 */
export async function recordRejectedDlrs(rejected: readonly RejectedDlr[]): Promise<void> {
  if (rejected.length === 0) return;
  await db.dlrDeadLetter.createMany({
    data: rejected.map((item) => ({
      provider: storableText(item.provider, SHORT_CHARS),
      stage: "callback" as const,
      reason: storableText(item.reason, SHORT_CHARS),
      error: storableText(item.message, ERROR_CHARS),
      report: truncate(escapedJson(item.raw), REPORT_CHARS),
      providerMessageId: storableId(item.providerMessageId),
      receivedAt: isStorableDate(item.receivedAt) ? item.receivedAt : new Date(),
    })),
  });
}

/**
 * Parks one report the batch statement still refused on its own (stage `batch`), with the error.
 * Written from JSON-escaped text only, so the report that broke the statement cannot break this.
 */
export async function parkFailedDlr(report: InboundDlr, error: unknown): Promise<void> {
  const code = sqlState(error);
  await db.dlrDeadLetter.create({
    data: {
      provider: storableText(report.provider, SHORT_CHARS),
      stage: "batch",
      reason: code ? `sqlstate_${code}` : "statement_failed",
      error: errorText(error),
      report: truncate(escapedJson(report), REPORT_CHARS),
      providerMessageId: storableId(report.providerMessageId),
      receivedAt: report.receivedAt instanceof Date && isStorableDate(report.receivedAt) ? report.receivedAt : new Date(),
    },
  });
}
