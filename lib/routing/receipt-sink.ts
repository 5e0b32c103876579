import { acceptDurably } from "@/lib/queue/durable-inbox";
import type { SmppReceipt } from "@/lib/providers/smpp/pdu";

const MAX_REPORTS_PER_JOB = 500;

/**
 * Collects SMPP delivery receipts of one provider for a few milliseconds and enqueues them as one
 * `dlr.inbound` job (format "smpp"), the same micro-batch path Celcom's callbacks take. Each
 * `add` resolves once its receipt is committed to `dlr_inbox` (lib/queue/durable-inbox.ts), so the
 * SMSC is acknowledged only for a receipt that survives a Redis loss.
 */
export function createReceiptSink(provider: string, lingerMs = 20): (receipt: SmppReceipt) => Promise<void> {
  const buffer: { report: Record<string, unknown>; settle: { resolve: () => void; reject: (error: unknown) => void } }[] = [];
  let timer: NodeJS.Timeout | undefined;

  const flush = () => {
    timer = undefined;
    const batch = buffer.splice(0, MAX_REPORTS_PER_JOB);
    if (buffer.length > 0) timer = setTimeout(flush, 0);
    acceptDurably("dlrInbound", [{ provider, format: "smpp", receivedAt: new Date().toISOString(), reports: batch.map((item) => item.report) }]).then(
      () => batch.forEach((item) => item.settle.resolve()),
      (error: unknown) => batch.forEach((item) => item.settle.reject(error)),
    );
  };

  return (receipt) =>
    new Promise<void>((resolve, reject) => {
      buffer.push({
        report: { id: receipt.providerMessageId, stat: receipt.stat, err: receipt.error, doneAt: receipt.doneAt?.toISOString() ?? null },
        settle: { resolve, reject },
      });
      if (buffer.length >= MAX_REPORTS_PER_JOB) {
        clearTimeout(timer);
        flush();
      } else {
        timer ??= setTimeout(flush, lingerMs);
      }
    });
}
