import { applyDlrBatchIsolatingFailures, type DlrFlushResult } from "@/lib/dlr/apply-dlr-batch-isolating-failures";
import { toInboundDlrs } from "@/lib/dlr/map-provider-dlr";
import { MicroBatcher } from "@/lib/dlr/micro-batcher";
import { recordRejectedDlrs } from "@/lib/dlr/record-dlr-dead-letters";
import type { DlrInboundJob, InboundDlr } from "@/lib/dlr/schemas";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { recordDlrBatch } from "@/lib/observability/metrics";
import { completeInboxJobs } from "@/lib/queue/durable-inbox";

export interface DlrProcessorOptions {
  batchSize?: number;
  batchWaitMs?: number;
  /** Batches applied at once; concurrent batches lock their messages in id order, so they queue rather than deadlock. */
  batchConcurrency?: number;
  /** Called after every committed batch (metrics, tests, the webhook nudge). */
  onBatch?: (result: DlrFlushResult) => void | Promise<void>;
}

export interface DlrProcessor {
  /** Resolves once every report of the job is committed (its batch applied, or the report parked) and its `dlr_inbox` row deleted. */
  process(job: DlrInboundJob): Promise<void>;
  drain(): Promise<void>;
}

/** The micro-batching DLR processor: many concurrent queue jobs feed one buffer, flushed as one statement. */
export function createDlrProcessor(options: DlrProcessorOptions = {}): DlrProcessor {
  const log = logger.child({ component: "dlr-processor" });
  const batcher = new MicroBatcher<InboundDlr, DlrFlushResult>({
    maxSize: options.batchSize ?? env.DLR_BATCH_SIZE,
    maxWaitMs: options.batchWaitMs ?? env.DLR_BATCH_WAIT_MS,
    concurrency: options.batchConcurrency ?? env.DLR_BATCH_CONCURRENCY,
    flush: async (items) => {
      const result = await applyDlrBatchIsolatingFailures(items);
      const fields = { ...result, capturedAmount: result.capturedAmount.toString() };
      if (result.parked > 0) log.warn("dlr batch split: reports parked in dlr_dead_letters", fields);
      else log.debug("dlr batch applied", fields);
      recordDlrBatch(items.map((item) => item.receivedAt), result);
      await options.onBatch?.(result);
      return result;
    },
  });
  return {
    async process(job) {
      const { reports, rejected } = toInboundDlrs(job);
      if (rejected.length > 0) {
        await recordRejectedDlrs(rejected);
        log.warn("queued dlr reports rejected", { rejected: rejected.length, reasons: [...new Set(rejected.map((item) => item.reason))] });
      }
      if (reports.length > 0) await batcher.add(reports);
      if (job.inboxId) await completeInboxJobs("dlrInbound", [job.inboxId]);
    },
    drain: () => batcher.drain(),
  };
}
