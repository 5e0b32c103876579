import { Prisma } from "@/lib/db";

/*
 * The daily spend limit lives on the account row (docs/traffic-controls.md): `spent_today` is what
 * was reserved on `spend_day`, the calendar day in the account's time zone. A reservation's UPDATE
 * of `accounts` adds these fragments, so the limit is checked and the counter bumped in the same
 * statement and under the same row lock as the balance: concurrent sends cannot pass it.
 * The fragments refer to the columns of `accounts` unqualified (inside `UPDATE accounts ...`).
 */

const today = Prisma.sql`(now() AT TIME ZONE timezone)::date`;

/** What counts as spent today: the counter if it is today's, else nothing (a new day starts at 0). */
export const spentTodaySql = Prisma.sql`(CASE WHEN spend_day = ${today} THEN spent_today ELSE 0 END)`;

/** WHERE condition: `cost` fits under the account's daily limit (always, when it has none). */
export function withinDailySpendLimitSql(cost: bigint): Prisma.Sql {
  return Prisma.sql`(daily_spend_limit IS NULL OR ${spentTodaySql} + ${cost} <= daily_spend_limit)`;
}

/** SET assignments that count `cost` as spent today. */
export function countDailySpendSql(cost: bigint): Prisma.Sql {
  return Prisma.sql`spend_day = ${today}, spent_today = ${spentTodaySql} + ${cost}`;
}
