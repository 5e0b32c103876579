import { dispatchPendingDeliveries } from "@/lib/webhooks/dispatch-deliveries";
import { RELAY_BATCH_SIZE, relayMessageEvents } from "@/lib/webhooks/relay-message-events";

/** Relay transactions running at once in one pass (each on its own connection). */
const RELAY_CONCURRENCY = 2;

/**
 * One relay pass: turn undispatched transitions into deliveries (RELAY_BATCH_SIZE per transaction)
 * and hand each chunk's deliveries to the queue at once, so delivery overlaps the rest of the pass.
 * `reconcile` also re-enqueues deliveries whose job was lost.
 */
export async function runWebhookRelay(options: { reconcile?: boolean; maxRounds?: number } = {}) {
  let events = 0;
  let deliveries = 0;
  let dispatched = await dispatchPendingDeliveries({ includeStale: options.reconcile });
  let rounds = 0;
  const relayLoop = async () => {
    while (rounds < (options.maxRounds ?? 50)) {
      rounds += 1;
      const result = await relayMessageEvents(RELAY_BATCH_SIZE);
      events += result.events;
      deliveries += result.deliveries;
      if (result.deliveries > 0) dispatched += await dispatchPendingDeliveries();
      if (result.claimed < RELAY_BATCH_SIZE) return;
    }
  };
  // Claims skip each other's locked rows, so parallel loops share a backlog without overlap.
  await Promise.all(Array.from({ length: RELAY_CONCURRENCY }, relayLoop));
  return { events, deliveries, dispatched };
}
