import { Prisma, type SqlClient } from "@/lib/db";
import { callbackWants, endpointWants } from "@/lib/webhooks/event-types";

/** An event about to be stored; `payload` is the exact envelope customers receive. */
export interface NewWebhookEvent {
  id: string;
  accountId: string;
  type: string;
  messageId?: string | null;
  campaignId?: string | null;
  payload: Record<string, unknown>;
  /** Per-message or per-campaign callback target, with its selection (empty = every event). */
  callbackUrl?: string | null;
  callbackEvents?: readonly string[];
  /** The callback receives JSON arrays of events, like a batch endpoint. */
  callbackBatch?: boolean;
  /** Deliver only to this endpoint (test events), ignoring subscriptions and callbacks. */
  onlyEndpointId?: string;
}

export interface CreatedDeliveries {
  events: number;
  deliveries: number;
}

/**
 * Stores events and fans each out to its targets: every active endpoint of the account whose
 * filter matches, plus the event's callback URL when its selection matches. Two bulk INSERTs.
 * Deliveries start with next_attempt_at NULL ("not yet handed to the queue"); the relay claims and
 * enqueues those after commit, so nothing depends on a caller enqueueing inside its transaction.
 */
export async function createWebhookEvents(client: SqlClient, events: readonly NewWebhookEvent[]): Promise<CreatedDeliveries> {
  if (events.length === 0) return { events: 0, deliveries: 0 };
  const accountIds = [...new Set(events.map((event) => event.accountId))];
  const endpoints = await client.query<{ id: string; accountId: string; url: string; events: string[] }>(Prisma.sql`
    SELECT id, account_id AS "accountId", url, events FROM webhook_endpoints
    WHERE account_id = ANY(${accountIds}::uuid[]) AND status = 'active'`);

  const deliveries: { eventId: string; accountId: string; endpointId: string | null; url: string; batch?: boolean }[] = [];
  for (const event of events) {
    if (event.onlyEndpointId) {
      const target = endpoints.find((endpoint) => endpoint.id === event.onlyEndpointId);
      if (target) deliveries.push({ eventId: event.id, accountId: event.accountId, endpointId: target.id, url: target.url });
      continue;
    }
    for (const endpoint of endpoints) {
      if (endpoint.accountId === event.accountId && endpointWants(endpoint.events, event.type)) {
        deliveries.push({ eventId: event.id, accountId: event.accountId, endpointId: endpoint.id, url: endpoint.url });
      }
    }
    if (event.callbackUrl && callbackWants(event.callbackEvents ?? [], event.type)) {
      deliveries.push({ eventId: event.id, accountId: event.accountId, endpointId: null, url: event.callbackUrl, batch: event.callbackBatch === true });
    }
  }

  await client.query(Prisma.sql`
    INSERT INTO webhook_events (id, account_id, type, message_id, campaign_id, payload)
    SELECT * FROM unnest(
      ${events.map((event) => event.id)}::uuid[], ${events.map((event) => event.accountId)}::uuid[],
      ${events.map((event) => event.type)}::text[], ${events.map((event) => event.messageId ?? null)}::uuid[],
      ${events.map((event) => event.campaignId ?? null)}::uuid[], ${events.map((event) => JSON.stringify(event.payload))}::jsonb[]
    )`);
  if (deliveries.length > 0) {
    await client.query(Prisma.sql`
      INSERT INTO webhook_deliveries (account_id, event_id, endpoint_id, url, batch)
      SELECT * FROM unnest(
        ${deliveries.map((delivery) => delivery.accountId)}::uuid[], ${deliveries.map((delivery) => delivery.eventId)}::uuid[],
        ${deliveries.map((delivery) => delivery.endpointId)}::uuid[], ${deliveries.map((delivery) => delivery.url)}::text[],
        ${deliveries.map((delivery) => delivery.batch === true)}::boolean[]
      )`);
  }
  return { events: events.length, deliveries: deliveries.length };
}
