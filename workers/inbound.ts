import { processInboundMessage } from "@/lib/inbound/process-inbound";
import { completeInboxJobs } from "@/lib/queue/durable-inbox";
import { createQueueWorker, type Closeable } from "@/workers/runtime";

/** `inbound.receive`: one mobile-originated message per job (store, keywords, consent, webhook, auto-reply). */
export function startInbound(options: { concurrency?: number } = {}): Closeable {
  const worker = createQueueWorker(
    "inboundReceive",
    async (payload) => {
      const outcome = await processInboundMessage(payload);
      if (payload.inboxId) await completeInboxJobs("inboundReceive", [payload.inboxId]);
      return outcome;
    },
    { concurrency: options.concurrency ?? 8 },
  );
  return { close: () => worker.close() };
}
