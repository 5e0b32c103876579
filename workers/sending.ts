import { UnrecoverableError, type Worker } from "bullmq";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { providerFromEnv } from "@/lib/providers/from-env";
import { instrumentProvider } from "@/lib/providers/instrument-provider";
import { type SmsProvider } from "@/lib/providers/types";
import { getQueue } from "@/lib/queue/enqueue";
import { sharedRedis } from "@/lib/queue/connection";
import { cachedRoutingTable } from "@/lib/routing/load-routing-table";
import { ProviderRouter, type RouterOptions } from "@/lib/routing/provider-router";
import { createInboundSink } from "@/lib/inbound/smpp-inbound-sink";
import { createReceiptSink } from "@/lib/routing/receipt-sink";
import { registerReportPuller } from "@/lib/dlr/pull-missing-reports";
import { attemptSend } from "@/lib/sending/attempt-send";
import { sendMessageBatch } from "@/lib/sending/send-batch";
import type { JobPayload } from "@/lib/queue/registry";
import type { MessagePriority } from "@/lib/generated/prisma/enums";
import { RetryableSendError, SEND_BACKOFF_TYPE, sendBackoffDelay } from "@/lib/sending/send-jobs";
import { createQueueWorker, RERUNNABLE_JOB_STALLS, type Closeable } from "@/workers/runtime";

const log = logger.child({ component: "sending-worker" });

export interface SendingOptions {
  /** One provider for every message, no routing (tests). By default messages are routed (lib/routing). */
  provider?: SmsProvider;
  /** Router settings; by default the routes in Postgres, falling back to SMS_PROVIDER where no route matches. */
  routing?: Partial<Pick<RouterOptions, "table" | "fallback" | "breaker">>;
  concurrency?: number;
  maxAttempts?: number;
  backoffMs?: number;
  /** How often the normal-priority worker checks whether priority work is waiting. */
  priorityCheckMs?: number;
  /** Batch jobs go out through the provider's bulk endpoint (SEND_BATCH_USE_PROVIDER_BULK). */
  useProviderBatch?: boolean;
}

/**
 * Starts the SMS workers: one for sms.priority and one for sms.normal. Priority drains first: while
 * sms.priority has waiting jobs the normal worker fetches nothing (it is paused locally, its
 * in-flight sends finish), and it resumes as soon as the priority backlog is empty. Closing waits
 * for in-flight sends, so a send is never cut off between the provider's answer and our record of it.
 */
export async function startSending(options: SendingOptions = {}): Promise<Closeable> {
  const router = options.provider
    ? null
    : new ProviderRouter({
        table: options.routing?.table ?? cachedRoutingTable(),
        fallback: options.routing?.fallback ?? providerFromEnv(),
        breaker: options.routing?.breaker,
        redis: sharedRedis(),
        hooks: { onReceipt: (name) => createReceiptSink(name), onInbound: (name) => createInboundSink(name) },
      });
  await router?.warmUp().catch((error: unknown) => log.warn("routing table not readable at start", { err: error }));
  // The DLR area's expiry sweep asks providers for missing reports through this router (its breakers, its SMPP binds).
  if (router) registerReportPuller((name, id) => router.getDeliveryReport(name, id));
  // Single sends of sms.priority may use a provider's whole rate; everything else (normal sends, campaign batches) 80 % of it.
  // Routed batches always go through the router's sendBatch (one throttle call per provider and batch); it uses bulk endpoints only when allowed.
  const useProviderBatch = options.useProviderBatch ?? env.SEND_BATCH_USE_PROVIDER_BULK;
  const injected = options.provider ? instrumentProvider(options.provider) : null;
  const lanes = router ? { high: router.lane("priority", useProviderBatch), normal: router.lane("bulk", useProviderBatch) } : null;
  const providerFor = (priority: MessagePriority): SmsProvider => injected ?? (lanes as NonNullable<typeof lanes>)[priority === "high" ? "high" : "normal"];
  const provider = providerFor("high");
  const maxAttempts = options.maxAttempts ?? env.SEND_MAX_ATTEMPTS;
  const backoffMs = options.backoffMs ?? env.SEND_BACKOFF_MS;
  const concurrency = options.concurrency ?? env.SEND_CONCURRENCY;

  const workerOptions = (autorun: boolean) => ({
    concurrency,
    autorun,
    maxStalledCount: RERUNNABLE_JOB_STALLS,
    settings: {
      backoffStrategy: (attemptsMade: number, type?: string, error?: Error) =>
        type === SEND_BACKOFF_TYPE ? sendBackoffDelay(attemptsMade, backoffMs, error) : backoffMs,
    },
  });

  const runJob = async (priority: MessagePriority, messageId: string, attemptsMade: number, jobAttempts: number) => {
    const outcome = await attemptSend(messageId, { provider: providerFor(priority), maxAttempts, lastJobAttempt: attemptsMade + 1 >= jobAttempts });
    if (outcome.kind === "retry") throw new RetryableSendError(`${outcome.failure.code}: ${outcome.failure.reason}`, outcome.failure.retryAfterMs);
    // The message is already failed and refunded; the job ends in the failed set.
    if (outcome.kind === "failed") throw new UnrecoverableError(`${outcome.failure.code}: ${outcome.failure.reason}`);
    // Sent, skipped or dead-lettered (Postgres holds the parked message): the job completes and is removed.
    return outcome.kind;
  };

  const processorFor = (priority: MessagePriority) => (payload: JobPayload<"smsNormal">, job: { attemptsMade: number; opts: { attempts?: number } }): Promise<unknown> =>
    "messageIds" in payload
      ? sendMessageBatch(payload.messageIds, { provider: providerFor(priority), maxAttempts, backoffMs, priority, useProviderBatch: useProviderBatch || !injected }, payload.claimToken)
      : runJob(priority, payload.messageId, job.attemptsMade, job.opts.attempts ?? 1);

  const priority = createQueueWorker("smsPriority", processorFor("high"), workerOptions(true));
  const normal = createQueueWorker("smsNormal", processorFor("normal"), workerOptions(false));

  const gate = startPriorityGate(normal, options.priorityCheckMs ?? 100);
  log.info("sending workers started", { provider: router ? "routed" : provider.name, concurrency, maxAttempts, backoffMs });

  return {
    async close() {
      await gate.stop();
      await Promise.all([priority.close(), normal.close()]);
      if (router) registerReportPuller(null);
      await router?.close();
    },
  };
}

/** Keeps the normal worker from fetching while sms.priority has jobs waiting. */
function startPriorityGate(normal: Worker, intervalMs: number): { stop(): Promise<void> } {
  const priorityQueue = getQueue("smsPriority");
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();

  const check = async () => {
    const waiting = await priorityQueue.getWaitingCount();
    if (stopped) return;
    if (waiting > 0) {
      if (normal.isRunning() && !normal.isPaused()) await normal.pause(true);
    } else if (!normal.isRunning() || normal.isPaused()) {
      await normal.resume();
    }
  };
  const loop = () => {
    current = check()
      .catch((error: unknown) => log.warn("priority check failed", { err: error }))
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, intervalMs);
      });
  };
  loop();

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}
