import { randomUUID } from "node:crypto";
import { hotQuery, Prisma } from "@/lib/db";
import { insufficientCredits } from "@/lib/credits/movements";
import { reservedCte, reserveLedgerCte } from "@/lib/credits/reserve-message-sql";
import { type PreparedMessage } from "@/lib/messages/prepare-message";
import type { MessagePriority } from "@/lib/generated/prisma/enums";

export interface CreateMessageOptions {
  accountId: string;
  apiKeyId?: string | null;
  campaignId?: string | null;
  priority: MessagePriority;
  callbackUrl?: string | null;
  callbackEvents?: string[];
  customPayload?: unknown;
  callbackBatch?: boolean;
  /** An idempotency claim completed with the 202 body in the same statement as the insert. */
  idempotencyRecordId?: string;
}

export interface CreatedMessage {
  messageId: string;
  status: "submitted";
  to: string;
  segments: number;
  encoding: PreparedMessage["encoding"];
  cost: number;
}

/**
 * Reserves the message's cost and inserts it as `submitted`, in ONE statement: the conditional
 * UPDATE of the balance (lib/credits: never below zero, however many requests race), the message
 * row, its `reserve` ledger entry and its first timeline event either all happen or none does. One round
 * trip also keeps the account row locked for the shortest time, which is what lets many sends of
 * one account run in parallel. Throws 402 `insufficient_credits` when the balance does not cover it.
 */
export async function createMessage(message: PreparedMessage, options: CreateMessageOptions): Promise<CreatedMessage> {
  const messageId = randomUUID();
  const cost = BigInt(message.cost);
  const response: CreatedMessage = {
    messageId,
    status: "submitted",
    to: message.to,
    segments: message.segments,
    encoding: message.encoding,
    cost: message.cost,
  };
  const customPayload = options.customPayload === undefined || options.customPayload === null ? null : JSON.stringify(options.customPayload);
  const completeIdempotency = options.idempotencyRecordId
    ? Prisma.sql`, idempotency AS (
        UPDATE idempotency_records SET response_status = 202, response_body = ${JSON.stringify(response)}::jsonb
        WHERE id = ${options.idempotencyRecordId}::uuid AND EXISTS (SELECT 1 FROM inserted))`
    : Prisma.empty;

  // Two fixed SQL texts (with and without the idempotency step), each a prepared statement.
  const rows = await hotQuery<{ id: string }>(
    options.idempotencyRecordId ? "message_submit_idempotent" : "message_submit",
    Prisma.sql`
    WITH ${reservedCte(options.accountId, cost)}, inserted AS (
      INSERT INTO messages (id, account_id, api_key_id, campaign_id, "to", "from", body, encoding, segments, country, operator,
        priority, status, cost, charge_state, callback_url, callback_events, custom_payload, callback_batch, created_at, updated_at)
      SELECT ${messageId}::uuid, reserved.id, ${options.apiKeyId ?? null}::uuid, ${options.campaignId ?? null}::uuid,
        ${message.to}, ${message.from}, ${message.body}, ${message.encoding}::"MessageEncoding", ${message.segments},
        ${message.country}, ${message.operator}, ${options.priority}::"MessagePriority", 'submitted', ${message.cost},
        'reserved', ${options.callbackUrl ?? null}, ${options.callbackEvents ?? []}::text[], ${customPayload}::jsonb,
        ${options.callbackBatch ?? false}, now(), now()
      FROM reserved
      RETURNING id
    ), ${reserveLedgerCte(options.accountId, cost, Prisma.sql`inserted`)}, event AS (
      INSERT INTO message_events (message_id, status, source) SELECT inserted.id, 'submitted', 'api' FROM inserted
    )${completeIdempotency}
    SELECT id FROM inserted`,
  );

  if (rows.length === 0) {
    throw insufficientCredits(message.cost);
  }
  return response;
}
