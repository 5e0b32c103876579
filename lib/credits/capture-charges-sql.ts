import { Prisma } from "@/lib/db";

/**
 * The `captures` and `debits` CTEs of a bulk status statement: every row of `capturable` (columns
 * id, account_id, campaign_id, cost — messages whose reservation becomes a final charge) gets a
 * `capture` ledger entry, and each account moves the sum from reserved to spent in one UPDATE.
 * The DLR batch and the expiry sweeper both close messages this way, so the books stay identical.
 * Account rows are locked in id order first, so concurrent statements charging several accounts
 * queue behind each other instead of deadlocking.
 */
export function captureChargesCtes(capturable: Prisma.Sql, description: string): Prisma.Sql {
  return Prisma.sql`captures AS (
      INSERT INTO ledger_entries (account_id, type, amount, message_id, campaign_id, description)
      SELECT account_id, 'capture', cost, id, campaign_id, ${description}
      FROM (${capturable}) AS capturable
      WHERE cost > 0
      RETURNING account_id, amount
    ),
    charged_accounts AS (
      SELECT a.id FROM accounts a WHERE a.id IN (SELECT account_id FROM captures) ORDER BY a.id FOR NO KEY UPDATE
    ),
    debits AS (
      UPDATE accounts a SET reserved = a.reserved - s.total, spent = a.spent + s.total, updated_at = now()
      FROM (SELECT account_id, sum(amount)::bigint AS total FROM captures GROUP BY account_id) s
      JOIN charged_accounts c ON c.id = s.account_id
      WHERE a.id = s.account_id
      RETURNING a.id
    )`;
}
