import { classifyDbError } from "@/lib/db-errors";
import { applyFinalReports, type FinalReportsResult } from "@/lib/messages/transitions/apply-final-reports";
import { applyBisecting } from "@/lib/dlr/bisect-batch";
import { parkFailedDlr } from "@/lib/dlr/record-dlr-dead-letters";
import type { InboundDlr } from "@/lib/dlr/schemas";

export interface DlrFlushResult extends FinalReportsResult {
  /** Reports the statement refused on their own, kept in `dlr_dead_letters` (stage `batch`). */
  parked: number;
  /** Statements run: 1 unless the batch had to be split. */
  statements: number;
}

/**
 * The DLR processor's flush: the whole batch in one statement (the normal case). If Postgres
 * refuses the statement's input, the batch is split in halves recursively and only the report(s)
 * that fail on their own are parked; every other report is applied. Connection and server errors
 * are thrown (the queue jobs fail and are retried; re-applying reports is harmless).
 */
export async function applyDlrBatchIsolatingFailures(reports: readonly InboundDlr[]): Promise<DlrFlushResult> {
  const outcome = await applyBisecting(reports, {
    apply: (part) => applyFinalReports(part),
    classify: classifyDbError,
    park: parkFailedDlr,
  });
  const total: DlrFlushResult = {
    received: reports.length,
    changed: 0,
    orphans: 0,
    captured: 0,
    capturedAmount: 0n,
    parked: outcome.parked,
    statements: outcome.results.length,
  };
  for (const result of outcome.results) {
    total.changed += result.changed;
    total.orphans += result.orphans;
    total.captured += result.captured;
    total.capturedAmount += result.capturedAmount;
  }
  return total;
}
