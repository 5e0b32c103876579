import { randomUUID } from "node:crypto";
import { hotQuery, Prisma } from "@/lib/db";
import { announceLowBalanceNow } from "@/lib/credits/low-balance";
import { reservationRefusal } from "@/lib/credits/reservation-refusal";
import { reservedCte, reserveLedgerCte } from "@/lib/credits/reserve-message-sql";
import { issueToError } from "@/lib/messages/evaluate-message";
import { type PreparedMessage } from "@/lib/messages/prepare-message";
import { recordStatusTallies } from "@/lib/observability/metrics";
import type { MessageClass, MessagePriority } from "@/lib/generated/prisma/enums";

export interface CreateMessageOptions {
  accountId: string;
  apiKeyId?: string | null;
  campaignId?: string | null;
  priority: MessagePriority;
  /** Default transactional. */
  messageClass?: MessageClass;
  /** A promotional message held by quiet hours: not sent before this time. */
  notBefore?: Date | null;
  callbackUrl?: string | null;
  callbackEvents?: string[];
  customPayload?: unknown;
  /** An idempotency claim completed with the 202 body in the same statement as the insert. */
  idempotencyRecordId?: string;
  /** The inbound message this automatic reply answers (at most one reply each; exempt from opt-outs). */
  inReplyToId?: string | null;
  /** Per-message callbacks delivered as JSON arrays, batched with the account's other messages to the same URL. */
  callbackBatch?: boolean;
  /**
   * The checks were made against a briefly cached send context: the reservation re-checks that
   * the key is live, the account active and `from` still usable. When it does not hold,
   * {@link StaleSendContextError} is thrown instead of a refusal and nothing is written.
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
        AND (EXISTS (SELECT 1 FROM sender_ids s WHERE s.account_id = accounts.id AND s.value = ${recheck.from} AND s.status = 'approved')
             OR EXISTS (SELECT 1 FROM inbound_numbers n WHERE n.account_id = accounts.id AND n.number = ${recheck.from}))`;
}

export interface CreatedMessage {
  messageId: string;
  status: "submitted";
  class: MessageClass;
  /** Present when the message is held (quiet hours): when it will be sent. */
  scheduledFor?: Date;
  to: string;
  segments: number;
  encoding: PreparedMessage["encoding"];
  cost: number;
}

/**
 * Reserves the message's cost and inserts it as `submitted`, in ONE statement: the conditional
 * UPDATE of the balance (lib/credits: never below zero nor past today's spend limit, however many
 * requests race), the message row, its `reserve` ledger entry and its first timeline event either
 * all happen or none does. One round trip also keeps the account row locked for the shortest time,
 * which is what lets many sends of one account run in parallel. The same statement checks the
 * recipient against the account's opt-outs (one unique-index lookup): an opted-out recipient
 * reserves and inserts nothing. Throws 422 `opted_out`, 402 `insufficient_credits` when the balance
 * does not cover the cost, or 402 `daily_spend_limit_exceeded` past the account's daily limit.
 */
export async function createMessage(message: PreparedMessage, options: CreateMessageOptions): Promise<CreatedMessage> {
  const messageId = randomUUID();
  const messageClass = options.messageClass ?? "transactional";
  const cost = BigInt(message.cost);
  const response: CreatedMessage = {
    messageId,
    status: "submitted",
    class: messageClass,
    ...(options.notBefore ? { scheduledFor: options.notBefore } : {}),
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
  const inReplyToId = options.inReplyToId ?? null;
  const [row] = await hotQuery<{ id: string | null; opted_out: boolean; low_balance: boolean | null }>(
    name,
    Prisma.sql`
    WITH consent AS (
      SELECT ${inReplyToId}::uuid IS NULL
        AND EXISTS (SELECT 1 FROM opt_outs o WHERE o.account_id = ${options.accountId}::uuid AND o.phone = ${message.to}) AS opted_out
    ), ${reservedCte(options.accountId, cost, Prisma.sql`NOT (SELECT opted_out FROM consent)${guard}`)}, inserted AS (
      INSERT INTO messages (id, account_id, api_key_id, campaign_id, "to", "from", body, encoding, segments, country, operator,
        priority, message_class, not_before, status, cost, charge_state, callback_url, callback_events, custom_payload, callback_batch, in_reply_to_id, created_at, updated_at)
      SELECT ${messageId}::uuid, reserved.id, ${options.apiKeyId ?? null}::uuid, ${options.campaignId ?? null}::uuid,
        ${message.to}, ${message.from}, ${message.body}, ${message.encoding}::"MessageEncoding", ${message.segments},
        ${message.country}, ${message.operator}, ${options.priority}::"MessagePriority", ${messageClass}::"MessageClass", ${options.notBefore ?? null}::timestamptz,
        'submitted', ${message.cost}, 'reserved', ${options.callbackUrl ?? null}, ${options.callbackEvents ?? []}::text[], ${customPayload}::jsonb,
        ${options.callbackBatch ?? false}, ${inReplyToId}::uuid, now(), now()
      FROM reserved
      RETURNING id
    ), ${reserveLedgerCte(options.accountId, cost, Prisma.sql`inserted`)}, event AS (
      INSERT INTO message_events (message_id, status, source) SELECT inserted.id, 'submitted', 'api' FROM inserted
    )${completeIdempotency}
    SELECT (SELECT id FROM inserted) AS id, (SELECT opted_out FROM consent) AS opted_out, (SELECT low_balance FROM reserved) AS low_balance`,
  );

  if (row.opted_out) {
    throw issueToError({ code: "opted_out", field: "to", message: `${message.to} has opted out of this account's messages` });
  }
  if (row.id === null) {
    throw options.recheck ? new StaleSendContextError() : await reservationRefusal(options.accountId, message.cost);
  }
  if (row.low_balance) await announceLowBalanceNow(options.accountId);
  recordStatusTallies([{ status: "submitted", provider: null, mno: message.operator, class: messageClass, count: 1 }]);
  return response;
}
