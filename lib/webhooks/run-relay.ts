import { dispatchPendingDeliveries } from "@/lib/webhooks/dispatch-deliveries";
import { RELAY_BATCH_SIZE, relayMessageEvents } from "@/lib/webhooks/relay-message-events";

/**
 * One relay pass: turn undispatched transitions into deliveries (RELAY_BATCH_SIZE per transaction)
 * and hand each chunk's deliveries to the queue at once, so delivery overlaps the rest of the pass.
 * `reconcile` also re-enqueues deliveries whose job was lost.
 */
export async function runWebhookRelay(options: { reconcile?: boolean; maxRounds?: number } = {}) {
  let events = 0;
  let deliveries = 0;
  let dispatched = await dispatchPendingDeliveries({ includeStale: options.reconcile });
  for (let round = 0; round < (options.maxRounds ?? 50); round += 1) {
    const result = await relayMessageEvents(RELAY_BATCH_SIZE);
    events += result.events;
    deliveries += result.deliveries;
    if (result.deliveries > 0) dispatched += await dispatchPendingDeliveries();
    if (result.claimed < RELAY_BATCH_SIZE) break;
  }
  return { events, deliveries, dispatched };
}
