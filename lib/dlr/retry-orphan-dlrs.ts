import { db, Prisma } from "@/lib/db";
import { applyFinalReports, type FinalReportsResult } from "@/lib/messages/transitions/apply-final-reports";
import type { InboundDlr } from "@/lib/dlr/schemas";
import type { MessageStatus } from "@/lib/messages/status";

/** Orphans younger than this are retried; older ones are for audit only. */
export const ORPHAN_RETRY_WINDOW_MINUTES = 60;

/**
 * A DLR can overtake the worker's own `sent` commit (the provider answers the send and posts the
 * report before our transaction records its message id). Such a report is stored as an orphan;
 * this re-applies recent orphans whose message has since appeared. The orphan audit rows are
 * replaced by the re-applied ones (same payload and received time) in the same transaction.
 */
export async function retryOrphanDlrs(): Promise<FinalReportsResult> {
  return db.$transaction(async (tx) => {
    const orphans = await tx.$queryRaw<
      { provider: string; provider_message_id: string; raw_status: string; mapped_status: MessageStatus; payload: Record<string, unknown>; received_at: Date }[]
    >(Prisma.sql`
      DELETE FROM delivery_reports d
      WHERE d.id IN (
        SELECT r.id FROM delivery_reports r
        JOIN messages m ON m.provider = r.provider AND m.provider_message_id = r.provider_message_id
        WHERE r.orphan AND r.processed_at > now() - make_interval(mins => ${ORPHAN_RETRY_WINDOW_MINUTES}::int)
        ORDER BY r.id LIMIT 5000
        FOR UPDATE OF r SKIP LOCKED
      )
      RETURNING d.provider, d.provider_message_id, d.raw_status, d.mapped_status, d.payload, d.received_at`);
    const reports: InboundDlr[] = orphans.map((row) => ({
      provider: row.provider,
      providerMessageId: row.provider_message_id,
      description: row.raw_status,
      status: row.mapped_status ?? "sent",
      occurredAt: null,
      receivedAt: row.received_at,
      payload: row.payload,
    }));
    return applyFinalReports(reports, tx);
  });
}
