import { deliverWebhooks, deliveryOptionsFromEnv, type DeliveryOptions } from "@/lib/webhooks/deliver-webhooks";
import { runWebhookRelay } from "@/lib/webhooks/run-relay";
import { createQueueWorker, type Closeable } from "@/workers/runtime";

export interface WebhookWorkerOptions {
  delivery?: DeliveryOptions;
  deliveryConcurrency?: number;
}

/**
 * Webhook area: the relay (outbox → events → deliveries → queue; a one-second job scheduler plus
 * nudges), a reconciler that re-enqueues deliveries Redis lost, and the `webhooks.deliver` consumer.
 */
export function startWebhooks(options: WebhookWorkerOptions = {}): Closeable {
  const delivery = options.delivery ?? deliveryOptionsFromEnv();
  const relay = createQueueWorker("webhooksRelay", async (payload) => runWebhookRelay({ reconcile: payload.task === "reconcile" }), {
    concurrency: 1,
  });
  const deliver = createQueueWorker("webhooksDeliver", (payload) => deliverWebhooks(payload.deliveryIds, delivery), {
    concurrency: options.deliveryConcurrency ?? 32,
  });
  return {
    async close() {
      await Promise.all([relay.close(), deliver.close()]);
    },
  };
}
