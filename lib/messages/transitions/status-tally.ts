import { Prisma } from "@/lib/db";
import { recordStatusTallies, type StatusTally } from "@/lib/observability/metrics";

/**
 * A scalar subquery that groups the messages a transition statement changed (the CTE named
 * `changed`, with columns status, provider, operator and message_class) for the metrics: one JSON
 * object per status, provider, network and class with its count, and — when `latencySince` is a timestamp expression
 * over the CTE's columns — each message's seconds since it (null where the expression is null). Transitions select it next to their counts and
 * hand it to {@link recordTallies}, so the counters follow exactly what moved.
 */
export function statusTallySql(changed: string, latencySince?: string): Prisma.Sql {
  const latencies = latencySince
    ? Prisma.raw(`array_agg(EXTRACT(EPOCH FROM now() - ${latencySince})::float8)`)
    : Prisma.raw("NULL::float8[]");
  return Prisma.sql`(SELECT COALESCE(json_agg(t), '[]'::json) FROM (
      SELECT status::text AS status, provider, operator AS mno, message_class::text AS class, count(*)::int AS count, ${latencies} AS latencies
      FROM ${Prisma.raw(changed)} GROUP BY 1, 2, 3, 4) t)`;
}

/** Records a tally selected with {@link statusTallySql} (pg and Prisma both return json parsed). */
export function recordTallies(tally: unknown): void {
  const rows = typeof tally === "string" ? (JSON.parse(tally) as StatusTally[]) : (tally as StatusTally[] | null);
  if (rows && rows.length > 0) recordStatusTallies(rows);
}
