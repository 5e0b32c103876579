import { db, Prisma } from "@/lib/db";
import { rangeDays, type AnalyticsRange } from "@/lib/analytics/range";

/** How the chart groups statuses: final outcomes, plus what is still on its way. */
export const OUTCOMES = ["delivered", "failed", "rejected", "expired", "sent", "pending"] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface DayPoint extends Record<Outcome, number> {
  /** The calendar day in the account's time zone, yyyy-mm-dd. */
  day: string;
  total: number;
  /** Credit captured on this day (ledger `capture` entries), minor units. */
  spent: number;
}

export interface NetworkRow {
  operator: string;
  total: number;
  delivered: number;
  /** Final and not delivered: failed, undeliverable, expired, rejected. */
  notDelivered: number;
  /** Not final yet. */
  pending: number;
  segments: number;
  /** Captured cost of the network's messages created in the period, minor units. */
  spent: number;
  /** delivered / final messages; null while none is final. */
  deliveryRate: number | null;
}

export interface MessageAnalytics {
  range: AnalyticsRange;
  timeZone: string;
  /** First and last day of the period (account time zone), yyyy-mm-dd. */
  from: string;
  to: string;
  days: DayPoint[];
  networks: NetworkRow[];
  totals: Omit<NetworkRow, "operator">;
}

/**
 * The period as local timestamps of the account's time zone: `first_day` and `last_day` are
 * midnights there, and `start_at`/`end_at` the instants they begin and the day after `last_day` begins.
 */
function periodCte(timeZone: string, range: AnalyticsRange, now: Date): Prisma.Sql {
  const days = rangeDays(range);
  const today = Prisma.sql`date_trunc('day', ${now}::timestamptz AT TIME ZONE ${timeZone})`;
  const firstDay =
    days === null
      ? Prisma.sql`date_trunc('month', ${now}::timestamptz AT TIME ZONE ${timeZone})`
      : Prisma.sql`${today} - make_interval(days => ${days - 1}::int)`;
  return Prisma.sql`bounds AS (
      SELECT first_day, last_day,
             first_day AT TIME ZONE ${timeZone} AS start_at,
             (last_day + interval '1 day') AT TIME ZONE ${timeZone} AS end_at
      FROM (SELECT ${firstDay} AS first_day, ${today} AS last_day) AS local_days)`;
}

interface DayRow {
  day: string;
  delivered: number;
  failed: number;
  rejected: number;
  expired: number;
  sent: number;
  pending: number;
  spent: bigint;
}

async function readDays(accountId: string, timeZone: string, range: AnalyticsRange, now: Date): Promise<DayPoint[]> {
  const rows = await db.$queryRaw<DayRow[]>`
    WITH ${periodCte(timeZone, range, now)},
    days AS (SELECT generate_series(first_day, last_day, interval '1 day') AS day FROM bounds),
    counts AS (
      SELECT date_trunc('day', m.created_at AT TIME ZONE ${timeZone}) AS day,
             count(*) FILTER (WHERE m.status = 'delivered')::int AS delivered,
             count(*) FILTER (WHERE m.status IN ('failed', 'undeliverable'))::int AS failed,
             count(*) FILTER (WHERE m.status = 'rejected')::int AS rejected,
             count(*) FILTER (WHERE m.status = 'expired')::int AS expired,
             count(*) FILTER (WHERE m.status = 'sent')::int AS sent,
             count(*) FILTER (WHERE m.status IN ('submitted', 'queued'))::int AS pending
      FROM messages m, bounds b
      WHERE m.account_id = ${accountId}::uuid AND m.created_at >= b.start_at AND m.created_at < b.end_at
      GROUP BY 1),
    spend AS (
      SELECT date_trunc('day', l.created_at AT TIME ZONE ${timeZone}) AS day, sum(l.amount)::bigint AS spent
      FROM ledger_entries l, bounds b
      WHERE l.account_id = ${accountId}::uuid AND l.type = 'capture' AND l.created_at >= b.start_at AND l.created_at < b.end_at
      GROUP BY 1)
    SELECT to_char(days.day, 'YYYY-MM-DD') AS day,
           COALESCE(c.delivered, 0) AS delivered, COALESCE(c.failed, 0) AS failed, COALESCE(c.rejected, 0) AS rejected,
           COALESCE(c.expired, 0) AS expired, COALESCE(c.sent, 0) AS sent, COALESCE(c.pending, 0) AS pending,
           COALESCE(s.spent, 0)::bigint AS spent
    FROM days LEFT JOIN counts c ON c.day = days.day LEFT JOIN spend s ON s.day = days.day
    ORDER BY days.day`;
  return rows.map((row) => {
    const counts = { delivered: row.delivered, failed: row.failed, rejected: row.rejected, expired: row.expired, sent: row.sent, pending: row.pending };
    const total = OUTCOMES.reduce((sum, outcome) => sum + counts[outcome], 0);
    return { day: row.day, ...counts, total, spent: Number(row.spent) };
  });
}

interface NetworkSqlRow {
  operator: string;
  total: number;
  delivered: number;
  not_delivered: number;
  pending: number;
  segments: bigint;
  spent: bigint;
}

function rate(delivered: number, notDelivered: number): number | null {
  return delivered + notDelivered === 0 ? null : delivered / (delivered + notDelivered);
}

async function readNetworks(accountId: string, timeZone: string, range: AnalyticsRange, now: Date): Promise<NetworkRow[]> {
  const rows = await db.$queryRaw<NetworkSqlRow[]>`
    WITH ${periodCte(timeZone, range, now)}
    SELECT m.operator,
           count(*)::int AS total,
           count(*) FILTER (WHERE m.status = 'delivered')::int AS delivered,
           count(*) FILTER (WHERE m.status IN ('failed', 'undeliverable', 'expired', 'rejected'))::int AS not_delivered,
           count(*) FILTER (WHERE m.status IN ('submitted', 'queued', 'sent'))::int AS pending,
           COALESCE(sum(m.segments), 0)::bigint AS segments,
           COALESCE(sum(m.cost) FILTER (WHERE m.charge_state = 'captured'), 0)::bigint AS spent
    FROM messages m, bounds b
    WHERE m.account_id = ${accountId}::uuid AND m.created_at >= b.start_at AND m.created_at < b.end_at
    GROUP BY m.operator
    ORDER BY total DESC, m.operator`;
  return rows.map((row) => ({
    operator: row.operator,
    total: row.total,
    delivered: row.delivered,
    notDelivered: row.not_delivered,
    pending: row.pending,
    segments: Number(row.segments),
    spent: Number(row.spent),
    deliveryRate: rate(row.delivered, row.not_delivered),
  }));
}

/**
 * How an account's messages did over a period, by day and by network, with what they cost. Days
 * are calendar days of the account's time zone; each query reads one index range of the account's
 * messages (account_id, created_at) and ledger (account_id, created_at), grouped in Postgres.
 */
export async function getMessageAnalytics(accountId: string, timeZone: string, range: AnalyticsRange, now: Date = new Date()): Promise<MessageAnalytics> {
  const [days, networks] = await Promise.all([readDays(accountId, timeZone, range, now), readNetworks(accountId, timeZone, range, now)]);
  const sum = (key: "total" | "delivered" | "notDelivered" | "pending" | "segments" | "spent") => networks.reduce((total, row) => total + row[key], 0);
  const totals = {
    total: sum("total"),
    delivered: sum("delivered"),
    notDelivered: sum("notDelivered"),
    pending: sum("pending"),
    segments: sum("segments"),
    spent: sum("spent"),
    deliveryRate: rate(sum("delivered"), sum("notDelivered")),
  };
  return { range, timeZone, from: days[0]?.day ?? "", to: days.at(-1)?.day ?? "", days, networks, totals };
}
