import { dispatchPendingDeliveries } from "@/lib/webhooks/dispatch-deliveries";
import { RELAY_BATCH_SIZE, relayMessageEvents } from "@/lib/webhooks/relay-message-events";

/**
 * One relay pass: drain undispatched transitions (in chunks of RELAY_BATCH_SIZE), then hand every
 * new delivery to the queue. `reconcile` also re-enqueues deliveries whose job was lost.
 */
export async function runWebhookRelay(options: { reconcile?: boolean; maxRounds?: number } = {}) {
  let events = 0;
  let deliveries = 0;
  for (let round = 0; round < (options.maxRounds ?? 20); round += 1) {
    const result = await relayMessageEvents(RELAY_BATCH_SIZE);
    events += result.events;
    deliveries += result.deliveries;
    if (result.claimed < RELAY_BATCH_SIZE) break;
  }
  const dispatched = await dispatchPendingDeliveries({ includeStale: options.reconcile });
  return { events, deliveries, dispatched };
}
