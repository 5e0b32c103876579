import { randomUUID } from "node:crypto";
import { Prisma, withPgTransaction } from "@/lib/db";
import type { MessageStatus } from "@/lib/messages/status";
import { createWebhookEvents, type NewWebhookEvent } from "@/lib/webhooks/create-webhook-events";
import { eventTypeForStatus } from "@/lib/webhooks/event-types";

export const RELAY_BATCH_SIZE = 1_000;

interface ClaimedTransition {
  event_row_id: string;
  message_id: string;
  status: MessageStatus;
  reason: string | null;
  created_at: Date;
  message_created_at: Date;
  account_id: string;
  from: string;
  to: string;
  body: string;
  segments: number;
  encoding: string;
  cost: number;
  attempts: number;
  campaign_id: string | null;
  callback_url: string | null;
  callback_events: string[];
  callback_batch: boolean;
  custom_payload: unknown;
}

/** The customer-facing envelope of a message transition. */
export function buildMessageEnvelope(eventId: string, row: ClaimedTransition, type: string): Record<string, unknown> {
  return {
    eventId,
    eventType: type,
    timestamp: row.created_at.toISOString(),
    accountId: row.account_id,
    message: {
      id: row.message_id,
      from: row.from,
      to: row.to,
      body: row.body,
      status: row.status,
      statusReason: row.reason,
      segments: row.segments,
      // What the message is billed by: one unit per segment.
      units: row.segments,
      encoding: row.encoding,
      cost: row.cost,
      attempts: row.attempts,
      createdAt: row.message_created_at.toISOString(),
      // The time of the change this event reports (later changes have their own events).
      updatedAt: row.created_at.toISOString(),
      ...(row.campaign_id ? { campaignId: row.campaign_id } : {}),
      ...(row.custom_payload !== null && row.custom_payload !== undefined ? { customPayload: row.custom_payload } : {}),
    },
  };
}

/**
 * The one emitter of message webhooks (the outbox relay). Every status transition is written as a
 * message_events row in the writer's own transaction; this claims up to `limit` undispatched rows
 * (SKIP LOCKED, so relays on several workers share the work), turns the customer-visible ones into
 * webhook events and deliveries, and marks them dispatched — all in one transaction.
 */
export async function relayMessageEvents(limit = RELAY_BATCH_SIZE): Promise<{ claimed: number; events: number; deliveries: number }> {
  // On a pg connection: through Prisma, decoding the thousand claimed rows took longer than the SQL.
  return withPgTransaction(async (sql) => {
    const rows = await sql.query<ClaimedTransition>(Prisma.sql`
      WITH claimed AS (
        UPDATE message_events e SET dispatched_at = now()
        WHERE e.id IN (
          SELECT id FROM message_events WHERE dispatched_at IS NULL ORDER BY id LIMIT ${limit}::int FOR UPDATE SKIP LOCKED
        )
        RETURNING e.id, e.message_id, e.status, e.reason, e.created_at
      )
      SELECT c.id AS event_row_id, c.message_id, c.status::text AS status, c.reason, c.created_at,
             m.created_at AS message_created_at, m.account_id, m."from", m."to", m.body, m.segments, m.encoding::text AS encoding, m.cost, m.attempts, m.campaign_id,
             COALESCE(m.callback_url, cp.callback_url) AS callback_url,
             CASE WHEN m.callback_url IS NOT NULL THEN m.callback_events ELSE COALESCE(cp.callback_events, '{}') END AS callback_events,
             COALESCE(m.custom_payload, cp.custom_payload) AS custom_payload,
             m.callback_url IS NOT NULL AND m.callback_batch AS callback_batch
      FROM claimed c
      JOIN messages m ON m.id = c.message_id
      LEFT JOIN campaigns cp ON cp.id = m.campaign_id
      ORDER BY c.id`);
    const events: NewWebhookEvent[] = [];
    for (const row of rows) {
      const type = eventTypeForStatus(row.status);
      if (!type) continue;
      const id = randomUUID();
      events.push({
        id,
        accountId: row.account_id,
        type,
        messageId: row.message_id,
        campaignId: row.campaign_id,
        payload: buildMessageEnvelope(id, row, type),
        callbackUrl: row.callback_url,
        callbackEvents: row.callback_events,
        callbackBatch: row.callback_batch,
      });
    }
    const created = await createWebhookEvents(sql, events);
    return { claimed: rows.length, ...created };
  });
}
