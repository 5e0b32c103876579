import type { FinalReportsResult } from "@/lib/messages/transitions/apply-final-reports";
import { createDlrProcessor } from "@/lib/dlr/dlr-processor";
import { pullThenExpire, type ReportPuller } from "@/lib/dlr/pull-missing-reports";
import { retryOrphanDlrs } from "@/lib/dlr/retry-orphan-dlrs";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { nudgeWebhookRelay } from "@/lib/webhooks/dispatch-deliveries";
import { createQueueWorker, RERUNNABLE_JOB_STALLS, type Closeable } from "@/workers/runtime";

export interface DlrWorkerOptions {
  batchSize?: number;
  batchWaitMs?: number;
  batchConcurrency?: number;
  /** Jobs taken at once; must exceed the reports of every batch in flight for the next batch to fill. */
  concurrency?: number;
  onBatch?: (result: FinalReportsResult) => void;
  /** How the expiry sweep asks providers for missing reports; by default the router the sending area registered. */
  pull?: ReportPuller;
}

/**
 * DLR area: the micro-batching consumer of `dlr.inbound` (each job completes only when its batch
 * committed) and the `dlr.maintenance` jobs (expiry sweeper, which first asks the provider for each
 * missing report, and orphan retry; their schedules are in lib/queue/registry.ts).
 */
export function startDlr(options: DlrWorkerOptions = {}): Closeable {
  const log = logger.child({ component: "dlr-worker" });
  const processor = createDlrProcessor({
    batchSize: options.batchSize,
    batchWaitMs: options.batchWaitMs,
    batchConcurrency: options.batchConcurrency,
    onBatch: async (result) => {
      options.onBatch?.(result);
      if (result.changed > 0) await nudgeWebhookRelay();
    },
  });
  const inbound = createQueueWorker("dlrInbound", (payload) => processor.process(payload), {
    // Jobs wait (unacked) until their batch commits: room for every batch in flight and one filling.
    concurrency: options.concurrency ?? (options.batchSize ?? env.DLR_BATCH_SIZE) * ((options.batchConcurrency ?? env.DLR_BATCH_CONCURRENCY) + 2),
    maxStalledCount: RERUNNABLE_JOB_STALLS,
  });
  const maintenance = createQueueWorker("dlrMaintenance", async (payload) => {
    if (payload.task === "expire-messages") {
      const result = await pullThenExpire({ pull: options.pull });
      if (result.expired + result.final > 0) await nudgeWebhookRelay();
      log.info("expiry sweep done", { ...result });
      return;
    }
    const result = await retryOrphanDlrs();
    if (result.changed > 0) await nudgeWebhookRelay();
  });
  return {
    async close() {
      await inbound.close();
      await processor.drain();
      await maintenance.close();
    },
  };
}
