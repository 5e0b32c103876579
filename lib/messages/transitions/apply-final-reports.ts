import { db, hotQuery, Prisma, type Transaction } from "@/lib/db";
import { captureChargesCtes } from "@/lib/credits/capture-charges-sql";
import type { InboundDlr } from "@/lib/dlr/schemas";
import { recordTallies, statusTallySql } from "@/lib/messages/transitions/status-tally";

type Client = Transaction | typeof db;

interface BatchRow {
  changed: bigint | string;
  orphans: bigint | string;
  captured: bigint | string;
  captured_amount: bigint | string;
  tally: unknown;
}

export interface FinalReportsResult {
  /** Reports in the batch. */
  received: number;
  /** Messages whose status moved forward. */
  changed: number;
  /** Reports whose provider message id matched no message (stored as orphans). */
  orphans: number;
  /** Messages charged (reserved → spent) by this batch. */
  captured: number;
  capturedAmount: bigint;
}

/**
 * Applies a batch of delivery reports in ONE SQL statement:
 * 1. `addressed` finds the messages the reports name (no lock: the UPDATE below locks what it changes);
 * 2. `best` keeps, per message, the most advanced status in the batch (a final report beats a late
 *    SentToNetwork in the same batch), in message id order;
 * 3. `changed` moves statuses forward only (message_status_rank), sets status_reason/completed_at,
 *    and marks the charge captured when a final status arrives on a still-reserved message. Its
 *    conditions read the row as it is when locked (Postgres re-checks them against a concurrent
 *    batch's committed update), so two batches never both move or charge the same message; rows
 *    are updated in id order, so concurrent batches queue instead of deadlocking. A message
 *    reaching a final status here was not final before, and a message that is not final is still
 *    reserved (only final transitions capture or release), so `captured` = became final + captured;
 * 4. `events` writes the timeline/outbox rows for the messages that actually changed;
 * 5. `captures` + `debits` write one ledger capture per charged message and move reserved → spent
 *    once per account;
 * 6. `reports` keeps every raw report for audit, flagging the ones with no message as orphans.
 * Duplicates and out-of-order reports fail the rank check, so they change nothing and charge nothing.
 */
export async function applyFinalReports(reports: readonly InboundDlr[], client: Client = db): Promise<FinalReportsResult> {
  if (reports.length === 0) return { received: 0, changed: 0, orphans: 0, captured: 0, capturedAmount: 0n };
  const providers = reports.map((report) => report.provider);
  const ids = reports.map((report) => report.providerMessageId);
  const statuses = reports.map((report) => report.status);
  const descriptions = reports.map((report) => report.description);
  const occurredAt = reports.map((report) => report.occurredAt?.toISOString() ?? null);
  const receivedAt = reports.map((report) => report.receivedAt.toISOString());
  const payloads = reports.map((report) => JSON.stringify(report.payload));

  const statement = Prisma.sql`
    WITH input AS (
      SELECT * FROM unnest(
        ${providers}::text[], ${ids}::text[], ${statuses}::text[], ${descriptions}::text[],
        ${occurredAt}::timestamptz[], ${receivedAt}::timestamptz[], ${payloads}::jsonb[]
      ) WITH ORDINALITY AS t(provider, provider_message_id, status, description, occurred_at, received_at, payload, ord)
    ),
    addressed AS (
      SELECT m.id, m.provider, m.provider_message_id
      FROM messages m
      WHERE m.provider_message_id IS NOT NULL
        AND (m.provider, m.provider_message_id) IN (SELECT provider, provider_message_id FROM input)
    ),
    best AS (
      SELECT DISTINCT ON (a.id) a.id, i.status::"MessageStatus" AS new_status, i.description, i.occurred_at,
             i.provider_message_id AS reported_id
      FROM input i JOIN addressed a ON a.provider = i.provider AND a.provider_message_id = i.provider_message_id
      ORDER BY a.id, message_status_rank(i.status::"MessageStatus") DESC, i.ord DESC
    ),
    changed AS (
      UPDATE messages m SET
        status = b.new_status,
        status_reason = CASE WHEN message_status_rank(b.new_status) = 3 THEN b.description ELSE m.status_reason END,
        completed_at = CASE WHEN message_status_rank(b.new_status) = 3 THEN now() ELSE m.completed_at END,
        sent_at = COALESCE(m.sent_at, now()),
        charge_state = CASE
          WHEN message_status_rank(b.new_status) = 3 AND m.charge_state = 'reserved' THEN 'captured'::"ChargeState"
          ELSE m.charge_state END,
        updated_at = now()
      FROM best b
      WHERE m.id = b.id AND message_status_rank(b.new_status) > message_status_rank(m.status)
      RETURNING m.id, m.account_id, m.campaign_id, m.status, m.status_reason, m.cost,
                message_status_rank(m.status) = 3 AND m.charge_state = 'captured' AS captured_now,
                b.description, b.occurred_at, b.reported_id, m.provider, m.operator, m.message_class, m.sent_at
    ),
    events AS (
      INSERT INTO message_events (message_id, status, reason, source, data)
      SELECT c.id, c.status, c.status_reason, 'dlr',
             jsonb_build_object('description', c.description, 'providerMessageId', c.reported_id, 'occurredAt', c.occurred_at)
      FROM changed c
      RETURNING id
    ),
    ${captureChargesCtes(
      Prisma.sql`SELECT id, account_id, campaign_id, cost FROM changed WHERE captured_now`,
      "Charged: final delivery report",
    )},
    reports AS (
      INSERT INTO delivery_reports (provider, provider_message_id, message_id, raw_status, mapped_status, payload, orphan, received_at)
      SELECT i.provider, i.provider_message_id, a.id, i.description, i.status::"MessageStatus", i.payload, a.id IS NULL, i.received_at
      FROM input i LEFT JOIN addressed a ON a.provider = i.provider AND a.provider_message_id = i.provider_message_id
      RETURNING orphan
    )
    SELECT (SELECT count(*) FROM changed) AS changed,
           (SELECT count(*) FROM reports WHERE orphan) AS orphans,
           (SELECT count(*) FROM captures) AS captured,
           (SELECT COALESCE(sum(amount), 0)::bigint FROM captures) AS captured_amount,
           (SELECT count(*) FROM events) AS events,
           (SELECT count(*) FROM debits) AS debits,
           ${statusTallySql("changed", "CASE WHEN message_status_rank(status) = 3 THEN sent_at END")} AS tally`;
  // Outside a caller's transaction the statement runs prepared on the pool, without Prisma's
  // per-call overhead.
  const [row] = client === db ? await hotQuery<BatchRow>("dlr_apply_batch", statement) : await client.$queryRaw<BatchRow[]>(statement);
  recordTallies(row.tally);
  return {
    received: reports.length,
    changed: Number(row.changed),
    orphans: Number(row.orphans),
    captured: Number(row.captured),
    capturedAmount: BigInt(row.captured_amount),
  };
}
