import { applyFinalReports, type FinalReportsResult } from "@/lib/messages/transitions/apply-final-reports";
import { toInboundDlrs } from "@/lib/dlr/map-provider-dlr";
import { MicroBatcher } from "@/lib/dlr/micro-batcher";
import type { DlrInboundJob, InboundDlr } from "@/lib/dlr/schemas";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { recordDlrBatch } from "@/lib/observability/metrics";

export interface DlrProcessorOptions {
  batchSize?: number;
  batchWaitMs?: number;
  /** Batches applied at once; concurrent batches lock their messages in id order, so they queue rather than deadlock. */
  batchConcurrency?: number;
  /** Called after every committed batch (metrics, tests, the webhook nudge). */
  onBatch?: (result: FinalReportsResult) => void | Promise<void>;
}

export interface DlrProcessor {
  /** Resolves once every report of the job is committed (its batch applied). */
  process(job: DlrInboundJob): Promise<void>;
  drain(): Promise<void>;
}

/** The micro-batching DLR processor: many concurrent queue jobs feed one buffer, flushed as one statement. */
export function createDlrProcessor(options: DlrProcessorOptions = {}): DlrProcessor {
  const log = logger.child({ component: "dlr-processor" });
  const batcher = new MicroBatcher<InboundDlr, FinalReportsResult>({
    maxSize: options.batchSize ?? env.DLR_BATCH_SIZE,
    maxWaitMs: options.batchWaitMs ?? env.DLR_BATCH_WAIT_MS,
    concurrency: options.batchConcurrency ?? env.DLR_BATCH_CONCURRENCY,
    flush: async (items) => {
      const result = await applyFinalReports(items);
      recordDlrBatch(items.map((item) => item.receivedAt), result);
      log.debug("dlr batch applied", { ...result, capturedAmount: result.capturedAmount.toString() });
      await options.onBatch?.(result);
      return result;
    },
  });
  return {
    async process(job) {
      const reports = toInboundDlrs(job);
      if (reports.length > 0) await batcher.add(reports);
    },
    drain: () => batcher.drain(),
  };
}
