import { hotQuery, Prisma } from "@/lib/db";
import { announceLowBalanceNow } from "@/lib/credits/low-balance";
import { reservationRefusal } from "@/lib/credits/reservation-refusal";
import { reserveBatchCtes } from "@/lib/credits/reserve-message-sql";
import { type PreparedMessage } from "@/lib/messages/prepare-message";
import type { MessageClass, MessagePriority } from "@/lib/generated/prisma/enums";

/** One accepted message of a batch: checked, priced, with its id chosen by the caller. */
export interface BatchMessage extends PreparedMessage {
  id: string;
  callbackUrl: string | null;
  callbackEvents: string[];
  customPayload: unknown;
  callbackBatch: boolean;
  messageClass: MessageClass;
  /** A promotional message held by the account's quiet hours: not sent before this time. */
  notBefore: Date | null;
}

export interface CreateBatchOptions {
  accountId: string;
  apiKeyId: string | null;
  priority: MessagePriority;
  /** An idempotency claim completed with `response` (the 202 body) in the same statement as the insert. */
  idempotency?: { recordId: string; response: unknown };
}

/**
 * Reserves a batch's total and inserts its messages as `submitted`, in ONE statement: the
 * conditional balance UPDATE (lib/credits), every message row, a `reserve` ledger entry and a first
 * timeline event each, and the idempotency record's response either all happen or none does.
 * Throws 402 `insufficient_credits` when the balance does not cover the whole batch.
 */
export async function createBatchMessages(messages: readonly BatchMessage[], options: CreateBatchOptions): Promise<void> {
  if (messages.length === 0) return;
  const total = messages.reduce((sum, message) => sum + BigInt(message.cost), 0n);
  const reservation = reserveBatchCtes(options.accountId, total, Prisma.sql`inserted`);
  const completeIdempotency = options.idempotency
    ? Prisma.sql`, idempotency AS (
        UPDATE idempotency_records SET response_status = 202, response_body = ${JSON.stringify(options.idempotency.response)}::jsonb
        WHERE id = ${options.idempotency.recordId}::uuid AND EXISTS (SELECT 1 FROM inserted))`
    : Prisma.empty;
  const column = <T>(pick: (message: BatchMessage) => T) => messages.map(pick);

  const rows = await hotQuery<{ count: string; low_balance: boolean | null }>(
    options.idempotency ? "message_batch_submit_idempotent" : "message_batch_submit",
    Prisma.sql`
    WITH ${reservation.reserved}, src AS (
      SELECT * FROM unnest(${column((m) => m.id)}::uuid[], ${column((m) => m.to)}::text[], ${column((m) => m.from)}::text[],
        ${column((m) => m.body)}::text[], ${column((m) => m.encoding)}::text[], ${column((m) => m.segments)}::int[],
        ${column((m) => m.country)}::text[], ${column((m) => m.operator)}::text[], ${column((m) => m.cost)}::int[],
        ${column((m) => m.callbackUrl)}::text[], ${column((m) => JSON.stringify(m.callbackEvents))}::text[],
        ${column((m) => (m.customPayload === undefined || m.customPayload === null ? null : JSON.stringify(m.customPayload)))}::text[],
        ${column((m) => m.callbackBatch)}::boolean[], ${column((m) => m.messageClass)}::text[],
        ${column((m) => (m.notBefore ? m.notBefore.toISOString() : null))}::timestamptz[])
        AS s(id, "to", "from", body, encoding, segments, country, operator, cost, callback_url, callback_events, custom_payload, callback_batch,
             message_class, not_before)
    ), inserted AS (
      INSERT INTO messages (id, account_id, api_key_id, "to", "from", body, encoding, segments, country, operator,
        priority, message_class, not_before, status, cost, charge_state, callback_url, callback_events, custom_payload, callback_batch, created_at, updated_at)
      SELECT s.id, reserved.id, ${options.apiKeyId}::uuid, s."to", s."from", s.body, s.encoding::"MessageEncoding", s.segments,
        s.country, s.operator, ${options.priority}::"MessagePriority", s.message_class::"MessageClass", s.not_before, 'submitted', s.cost, 'reserved', s.callback_url,
        ARRAY(SELECT jsonb_array_elements_text(s.callback_events::jsonb)), s.custom_payload::jsonb, s.callback_batch, now(), now()
      FROM src s CROSS JOIN reserved
      RETURNING id, cost
    ), ${reservation.ledger}, event AS (
      INSERT INTO message_events (message_id, status, source) SELECT inserted.id, 'submitted', 'api' FROM inserted
    )${completeIdempotency}
    SELECT count(*)::text AS count, (SELECT low_balance FROM reserved) AS low_balance FROM inserted`,
  );

  if (Number(rows[0]?.count ?? 0) === 0) throw await reservationRefusal(options.accountId, Number(total));
  if (rows[0].low_balance) await announceLowBalanceNow(options.accountId);
}
