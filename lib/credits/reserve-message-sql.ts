import { Prisma } from "@/lib/db";
import { countDailySpendSql, withinDailySpendLimitSql } from "@/lib/credits/daily-spend-sql";
import { crossedLowBalanceSql } from "@/lib/credits/low-balance";

/**
 * The two halves of reserving one message's price inside the statement that creates it:
 * `reservedCte` moves `cost` from balance to reserved only if the balance covers it, today's spend
 * stays within the account's daily limit (the conditional UPDATE never lets either pass, however
 * many requests race; it counts `cost` as spent today) and `onlyIf` holds (a condition of the
 * statement, e.g. "the recipient has not opted out"). It returns the account id for the insert to
 * select from, and `low_balance` when this reservation just crossed the account's low-balance
 * threshold. `reserveLedgerCte` writes the `reserve` entry for the message the insert returned
 * (`messages`: a relation with an `id` column).
 */
export function reservedCte(accountId: string, cost: bigint, onlyIf: Prisma.Sql = Prisma.sql`true`): Prisma.Sql {
  return Prisma.sql`reserved AS (
      UPDATE accounts SET balance = balance - ${cost}, reserved = reserved + ${cost}, ${countDailySpendSql(cost)}, updated_at = now()
      WHERE id = ${accountId}::uuid AND balance >= ${cost} AND ${withinDailySpendLimitSql(cost)} AND (${onlyIf})
      RETURNING id, ${crossedLowBalanceSql} AS low_balance
    )`;
}

export function reserveLedgerCte(accountId: string, cost: bigint, messages: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`ledger AS (
      INSERT INTO ledger_entries (account_id, type, amount, message_id, description)
      SELECT ${accountId}::uuid, 'reserve', ${cost}, m.id, 'Message reservation' FROM ${messages} m WHERE ${cost} > 0
    )`;
}

/**
 * A batch's reservation, for the one statement that inserts its messages: `reserved` moves the
 * batch's `total` from balance to reserved only if the balance (and today's spend limit) covers all
 * of it — all or nothing, however many batches race — and returns the account id for the insert to
 * select from; `ledger` writes one `reserve` entry per message the insert returned, at its own price
 * (`messages`: a relation with `id` and `cost` columns).
 */
export function reserveBatchCtes(accountId: string, total: bigint, messages: Prisma.Sql): { reserved: Prisma.Sql; ledger: Prisma.Sql } {
  return {
    reserved: reservedCte(accountId, total),
    ledger: Prisma.sql`ledger AS (
      INSERT INTO ledger_entries (account_id, type, amount, message_id, description)
      SELECT ${accountId}::uuid, 'reserve', m.cost, m.id, 'Message reservation' FROM ${messages} m WHERE m.cost > 0
    )`,
  };
}
