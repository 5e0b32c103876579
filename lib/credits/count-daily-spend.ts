import { Prisma, type Transaction } from "@/lib/db";
import { countDailySpendSql, withinDailySpendLimitSql } from "@/lib/credits/daily-spend-sql";
import { dailySpendLimitExceeded, loadDailySpend } from "@/lib/credits/reservation-refusal";

/**
 * Counts credit already reserved (a scheduled campaign's estimate, when the campaign starts)
 * against today's spend, if it fits under the daily limit; else 402 `daily_spend_limit_exceeded`.
 */
export async function countDailySpend(tx: Transaction, accountId: string, amount: bigint): Promise<void> {
  if (amount <= 0n) return;
  const updated = await tx.$executeRaw(Prisma.sql`
    UPDATE accounts SET ${countDailySpendSql(amount)}, updated_at = now()
    WHERE id = ${accountId}::uuid AND ${withinDailySpendLimitSql(amount)}`);
  if (updated > 0) return;
  const spend = await loadDailySpend(accountId, tx);
  throw dailySpendLimitExceeded(amount, { limit: spend.limit ?? 0n, remaining: spend.remaining ?? 0n });
}
