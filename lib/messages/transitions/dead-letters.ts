import { db, Prisma } from "@/lib/db";
import { failAndRefundCtes } from "@/lib/messages/transitions/fail-and-refund";
import { recordTallies, statusTallySql } from "@/lib/messages/transitions/status-tally";
import { metrics } from "@/lib/observability/metrics";
import type { MessagePriority } from "@/lib/generated/prisma/enums";

/**
 * The dead-letter queue's state changes. Parking is not a status change the customer sees: the
 * message stays `queued` with its credit reserved, and its timeline says it waits for the
 * provider. It leaves the queue by a replay (back to the send queues), or a discard / the
 * retention expiry (`failed`, refunded). Every statement selects its dead letters with
 * FOR UPDATE SKIP LOCKED and resolves them in the same statement, so a replay, a discard and the
 * expiry sweeper running at once never take the same message twice.
 */

export interface ParkedSend {
  messageId: string;
  provider: string;
  /** Failure code of the last attempt (e.g. provider_http_5xx). */
  reason: string;
  detail: string;
  attempts: number;
  /** Timeline facts of the last attempt. */
  data: Record<string, unknown>;
}

export interface DeadLetterFilter {
  provider?: string;
  /** Only dead letters parked at least this long ago. */
  olderThanMs?: number;
  limit: number;
}

interface MovementRow {
  provider: string;
  reason: string;
  count: number;
}

function countMovements(action: string, rows: unknown): void {
  const parsed = (typeof rows === "string" ? JSON.parse(rows) : rows) as MovementRow[] | null;
  for (const row of parsed ?? []) metrics.deadLetters.inc({ action, provider: row.provider, reason: row.reason }, row.count);
}

const movementTallySql = (cte: string) =>
  Prisma.sql`(SELECT COALESCE(json_agg(t), '[]'::json) FROM (
      SELECT provider, reason, count(*)::int AS count FROM ${Prisma.raw(cte)} GROUP BY 1, 2) t)`;

/**
 * Parks messages whose attempts ran out for a transient reason: one open dead letter each and a
 * timeline row (status unchanged, so no customer event), only for messages still waiting to be
 * sent and not parked already. Returns how many were parked.
 */
export async function parkDeadLetters(items: readonly ParkedSend[]): Promise<number> {
  if (items.length === 0) return 0;
  const [row] = await db.$queryRaw<{ parked: bigint; movements: unknown }[]>`
    WITH input AS (
      SELECT * FROM unnest(${items.map((item) => item.messageId)}::uuid[], ${items.map((item) => item.provider)}::text[],
                           ${items.map((item) => item.reason)}::text[], ${items.map((item) => item.detail)}::text[],
                           ${items.map((item) => item.attempts)}::int[], ${items.map((item) => JSON.stringify(item.data))}::jsonb[])
        AS t(id, provider, reason, detail, attempts, data)
    ), locked AS (
      SELECT m.id, m.account_id FROM messages m
      WHERE m.id IN (SELECT id FROM input) AND m.status IN ('submitted', 'queued')
      ORDER BY m.id FOR UPDATE
    ), parked AS (
      INSERT INTO message_dead_letters (message_id, account_id, provider, reason, detail, attempts)
      SELECT i.id, l.account_id, i.provider, i.reason, i.detail, i.attempts FROM input i JOIN locked l ON l.id = i.id
      ON CONFLICT (message_id) WHERE resolved_at IS NULL DO NOTHING
      RETURNING message_id, provider, reason
    ), touched AS (
      UPDATE messages m SET updated_at = now() FROM parked p WHERE m.id = p.message_id RETURNING m.id
    ), events AS (
      INSERT INTO message_events (message_id, status, reason, source, data)
      SELECT p.message_id, 'queued', 'Waiting for the provider to recover (' || i.reason || ')', 'worker',
             i.data || jsonb_build_object('deadLettered', true)
      FROM parked p JOIN input i ON i.id = p.message_id
    )
    SELECT (SELECT count(*) FROM parked) AS parked, ${movementTallySql("parked")} AS movements`;
  countMovements("parked", row.movements);
  return Number(row.parked);
}

function pickSql(filter: DeadLetterFilter): Prisma.Sql {
  const provider = filter.provider ? Prisma.sql`AND d.provider = ${filter.provider}` : Prisma.empty;
  const age = filter.olderThanMs ? Prisma.sql`AND d.parked_at <= now() - make_interval(secs => ${filter.olderThanMs / 1000}::float8)` : Prisma.empty;
  return Prisma.sql`picked AS (
      SELECT d.id FROM message_dead_letters d
      WHERE d.resolved_at IS NULL ${provider} ${age}
      ORDER BY d.parked_at LIMIT ${filter.limit}::int
      FOR UPDATE SKIP LOCKED
    )`;
}

export interface ReplayedMessage {
  id: string;
  priority: MessagePriority;
}

/**
 * Takes dead letters out of the queue for another round of attempts: each is resolved as
 * `replayed`, its message touched (so the reconciler sees it as fresh) and given a timeline row.
 * Returns the messages to enqueue again (lib/dead-letters/replay-dead-letters.ts does that).
 */
export async function replayDeadLetters(filter: DeadLetterFilter, resolvedBy: string): Promise<ReplayedMessage[]> {
  const [row] = await db.$queryRaw<{ messages: ReplayedMessage[] | null; movements: unknown }[]>`
    WITH ${pickSql(filter)}, resolved AS (
      UPDATE message_dead_letters d SET resolved_at = now(), resolution = 'replayed', resolved_by = ${resolvedBy}
      FROM picked p WHERE d.id = p.id
      RETURNING d.message_id, d.provider, d.reason
    ), touched AS (
      UPDATE messages m SET updated_at = now() FROM resolved r
      WHERE m.id = r.message_id AND m.status IN ('submitted', 'queued')
      RETURNING m.id, m.priority
    ), events AS (
      INSERT INTO message_events (message_id, status, reason, source)
      SELECT id, 'queued', 'Sending again after the provider recovered', 'operator' FROM touched
    )
    SELECT (SELECT json_agg(json_build_object('id', id, 'priority', priority)) FROM touched) AS messages,
           ${movementTallySql("resolved")} AS movements`;
  countMovements("replayed", row.movements);
  return row.messages ?? [];
}

/**
 * Fails and refunds dead-lettered messages (lib/messages/transitions/fail-and-refund), resolving
 * their dead letters as `discarded` (an operator) or `expired` (the retention sweeper) in the same
 * statement. Returns how many messages failed.
 */
export async function failDeadLetters(filter: DeadLetterFilter, resolution: "discarded" | "expired", resolvedBy: string): Promise<number> {
  const why = resolution === "expired" ? "Not sent: the provider stayed unavailable" : "Not sent: discarded by an operator while the provider was unavailable";
  const [row] = await db.$queryRaw<{ failed: bigint; movements: unknown; tally: unknown }[]>`
    WITH ${pickSql(filter)}, resolved AS (
      UPDATE message_dead_letters d SET resolved_at = now(), resolution = ${resolution}::"DeadLetterResolution", resolved_by = ${resolvedBy}
      FROM picked p WHERE d.id = p.id
      RETURNING d.message_id, d.provider, d.reason
    ), input AS (
      SELECT message_id AS id, ${why}::text || ' (' || reason || ')' AS reason,
             jsonb_build_object('deadLetter', ${resolution}::text, 'provider', provider, 'code', reason) AS data
      FROM resolved
    ), ${failAndRefundCtes(resolution === "expired" ? "sweeper" : "operator")}
    SELECT (SELECT count(*) FROM moved) AS failed, (SELECT count(*) FROM credits) AS credited,
           ${movementTallySql("resolved")} AS movements, ${statusTallySql("moved")} AS tally`;
  countMovements(resolution, row.movements);
  recordTallies(row.tally);
  return Number(row.failed);
}
