import { Prisma } from "@/lib/db";

/**
 * The `releases` and `credits` CTEs of a bulk status statement: every row of `releasable` (columns
 * id, account_id, cost — messages whose reservation goes back to the balance) gets a `release`
 * ledger entry, and each account moves the sum from reserved to balance in one UPDATE. Accounts
 * are locked in id order first, as in {@link captureChargesCtes}, so concurrent refunds of several
 * accounts queue instead of deadlocking.
 */
export function releaseChargesCtes(releasable: Prisma.Sql, description: string): Prisma.Sql {
  return Prisma.sql`releases AS (
      INSERT INTO ledger_entries (account_id, type, amount, message_id, description)
      SELECT account_id, 'release', cost, id, ${description}
      FROM (${releasable}) AS releasable
      WHERE cost > 0
      RETURNING account_id, amount
    ),
    refunded_accounts AS (
      SELECT a.id FROM accounts a WHERE a.id IN (SELECT account_id FROM releases) ORDER BY a.id FOR NO KEY UPDATE
    ),
    credits AS (
      UPDATE accounts a SET reserved = a.reserved - s.total, balance = a.balance + s.total, updated_at = now()
      FROM (SELECT account_id, sum(amount)::bigint AS total FROM releases GROUP BY account_id) s
      JOIN refunded_accounts r ON r.id = s.account_id
      WHERE a.id = s.account_id
      RETURNING a.id
    )`;
}
