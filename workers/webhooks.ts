import { getQueue } from "@/lib/queue/enqueue";
import { deliverWebhooks, deliveryOptionsFromEnv, type DeliveryOptions } from "@/lib/webhooks/deliver-webhooks";
import { runWebhookRelay } from "@/lib/webhooks/run-relay";
import { createQueueWorker, type Closeable } from "@/workers/runtime";

export interface WebhookWorkerOptions {
  delivery?: DeliveryOptions;
  deliveryConcurrency?: number;
  relayEveryMs?: number;
  reconcileEveryMs?: number;
}

/**
 * Webhook area: the relay (outbox → events → deliveries → queue) on a one-second job scheduler plus
 * nudges, a reconciler that re-enqueues deliveries Redis lost, and the `webhooks.deliver` consumer.
 */
export async function startWebhooks(options: WebhookWorkerOptions = {}): Promise<Closeable> {
  const delivery = options.delivery ?? deliveryOptionsFromEnv();
  const relay = createQueueWorker("webhooksRelay", async (payload) => runWebhookRelay({ reconcile: payload.task === "reconcile" }), {
    concurrency: 1,
  });
  const deliver = createQueueWorker("webhooksDeliver", (payload) => deliverWebhooks(payload.deliveryIds, delivery), {
    concurrency: options.deliveryConcurrency ?? 32,
  });
  const queue = getQueue("webhooksRelay");
  await queue.upsertJobScheduler("webhooks-relay", { every: options.relayEveryMs ?? 1_000 }, { name: "relay", data: { task: "relay" } });
  await queue.upsertJobScheduler("webhooks-reconcile", { every: options.reconcileEveryMs ?? 30_000 }, { name: "reconcile", data: { task: "reconcile" } });
  return {
    async close() {
      await Promise.all([relay.close(), deliver.close()]);
    },
  };
}
