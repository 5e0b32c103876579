import { db, Prisma, type Transaction } from "@/lib/db";
import type { MessageStatus } from "@/lib/generated/prisma/enums";

type Client = Transaction | typeof db;

/** Where a transition came from, recorded on its timeline event. */
export type TransitionSource = "api" | "worker" | "dlr" | "sweeper" | "reconciler" | "operator";

export interface StatusTransition {
  messageId: string;
  status: MessageStatus;
  source: TransitionSource;
  reason?: string | null;
  /** Extra facts for the timeline (provider code, attempt number, …). */
  data?: Record<string, unknown> | null;
  provider?: string;
  providerMessageId?: string;
}

export interface TransitionedMessage {
  id: string;
  accountId: string;
  cost: number;
  chargeState: "reserved" | "captured" | "released";
}

/**
 * Moves one message forward to `status` and writes its timeline event (which is also the webhook
 * outbox row) in the same statement. For operators' tools and test set-ups; the pipelines use
 * the set-based transitions beside this file. Statuses only move forward: a transition to a status that
 * is not ahead of the current one changes nothing and returns null, so late or duplicate
 * events are harmless. Timestamps follow the status (sent_at for `sent`, completed_at for finals).
 */
export async function updateMessageStatus(transition: StatusTransition, client: Client = db): Promise<TransitionedMessage | null> {
  const status = Prisma.sql`${transition.status}::"MessageStatus"`;
  const reason = transition.reason ?? null;
  const data = transition.data ? JSON.stringify(transition.data) : null;
  const rows = await client.$queryRaw<{ id: string; account_id: string; cost: number; charge_state: TransitionedMessage["chargeState"] }[]>`
    WITH moved AS (
      UPDATE messages SET
        status = ${status},
        status_reason = COALESCE(${reason}, status_reason),
        provider = COALESCE(${transition.provider ?? null}, provider),
        provider_message_id = COALESCE(${transition.providerMessageId ?? null}, provider_message_id),
        queued_at = CASE WHEN ${status} = 'queued' THEN COALESCE(queued_at, now()) ELSE queued_at END,
        sent_at = CASE WHEN ${status} = 'sent' THEN now() ELSE sent_at END,
        completed_at = CASE WHEN message_status_rank(${status}) = 3 THEN now() ELSE completed_at END,
        updated_at = now()
      WHERE id = ${transition.messageId}::uuid AND message_status_rank(${status}) > message_status_rank(status)
      RETURNING id, account_id, cost, charge_state
    ), event AS (
      INSERT INTO message_events (message_id, status, reason, source, data)
      SELECT moved.id, ${status}, ${reason}, ${transition.source}, ${data}::jsonb FROM moved
    )
    SELECT id, account_id, cost, charge_state::text AS charge_state FROM moved`;
  const row = rows[0];
  return row ? { id: row.id, accountId: row.account_id, cost: row.cost, chargeState: row.charge_state } : null;
}
