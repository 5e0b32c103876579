import { Prisma } from "@/lib/db";

/**
 * The two halves of reserving one message's price inside the statement that creates it:
 * `reservedCte` moves `cost` from balance to reserved only if the balance covers it (the
 * conditional UPDATE never lets a balance go negative, however many requests race) and returns
 * the account id for the insert to select from (`guard`, when given, is a further condition over
 * the `accounts` row, starting with AND, that must hold too); `reserveLedgerCte` writes the `reserve` entry for
 * the message the insert returned (`messages`: a relation with an `id` column).
 */
export function reservedCte(accountId: string, cost: bigint, guard: Prisma.Sql = Prisma.empty): Prisma.Sql {
  return Prisma.sql`reserved AS (
      UPDATE accounts SET balance = balance - ${cost}, reserved = reserved + ${cost}, updated_at = now()
      WHERE id = ${accountId}::uuid AND balance >= ${cost}${guard}
      RETURNING id
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
 * batch's `total` from balance to reserved only if the balance covers all of it (all or nothing,
 * however many batches race) and returns the account id for the insert to select from; `ledger`
 * writes one `reserve` entry per message the insert returned, at its own price (`messages`: a
 * relation with `id` and `cost` columns).
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
