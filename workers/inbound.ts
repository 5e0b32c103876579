import { processInboundMessage } from "@/lib/inbound/process-inbound";
import { createQueueWorker, type Closeable } from "@/workers/runtime";

/** `inbound.receive`: one mobile-originated message per job (store, keywords, consent, webhook, auto-reply). */
export function startInbound(options: { concurrency?: number } = {}): Closeable {
  const worker = createQueueWorker("inboundReceive", (payload) => processInboundMessage(payload), { concurrency: options.concurrency ?? 8 });
  return { close: () => worker.close() };
}
