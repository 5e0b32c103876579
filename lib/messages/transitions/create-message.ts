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
  /**
   * The checks were made against a briefly cached send context: the reservation re-checks that
   * the key is live, the account active and `from` still approved. When it does not hold,
   * {@link StaleSendContextError} is thrown instead of 402 and nothing is written.
   */
  recheck?: { apiKeyId: string; from: string };
}

/** A send judged on cached account data that no longer holds; the caller redoes it from fresh data. */
export class StaleSendContextError extends Error {
  constructor() {
    super("the cached send context no longer holds");
    this.name = "StaleSendContextError";
  }
}

/** The reservation's re-check of what a cached send context vouched for (over `accounts`). */
function recheckGuard(recheck: { apiKeyId: string; from: string }): Prisma.Sql {
  return Prisma.sql` AND accounts.status = 'active'
        AND EXISTS (SELECT 1 FROM api_keys k WHERE k.id = ${recheck.apiKeyId}::uuid AND k.account_id = accounts.id
                    AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now()))
        AND EXISTS (SELECT 1 FROM sender_ids s WHERE s.account_id = accounts.id AND s.value = ${recheck.from} AND s.status = 'approved')`;
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
 * one account run in parallel. Throws 402 `insufficient_credits` when the balance does not cover it
 * (with `recheck`, {@link StaleSendContextError} for that or a failed re-check).
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

  // Four fixed SQL texts (with and without the idempotency step and the re-check), each a prepared statement.
  const name = `message_submit${options.idempotencyRecordId ? "_idempotent" : ""}${options.recheck ? "_rechecked" : ""}`;
  const guard = options.recheck ? recheckGuard(options.recheck) : Prisma.empty;
  const rows = await hotQuery<{ id: string }>(
    name,
    Prisma.sql`
    WITH ${reservedCte(options.accountId, cost, guard)}, inserted AS (
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
    throw options.recheck ? new StaleSendContextError() : insufficientCredits(message.cost);
  }
  return response;
}
