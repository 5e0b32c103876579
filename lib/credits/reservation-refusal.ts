import { db, Prisma, type Transaction } from "@/lib/db";
import { formatMoney } from "@/lib/format";
import { AppError } from "@/lib/http/errors";
import { spentTodaySql } from "@/lib/credits/daily-spend-sql";

/** 402 for a reservation the balance does not cover; the message says what the request costs. */
export function insufficientCredits(cost: bigint | number): AppError {
  return new AppError("insufficient_credits", `Insufficient credits for this request: it costs ${formatMoney(cost)}`);
}

export interface DailySpend {
  limit: bigint | null;
  spentToday: bigint;
  /** What may still be reserved today; null without a limit. */
  remaining: bigint | null;
}

/** The account's daily limit and what it has spent today (in its own time zone). */
export async function loadDailySpend(accountId: string, client: Transaction | typeof db = db): Promise<DailySpend & { balance: bigint }> {
  const [row] = await client.$queryRaw<{ limit: bigint | null; spent_today: bigint; balance: bigint }[]>(
    Prisma.sql`SELECT daily_spend_limit AS "limit", ${spentTodaySql}::bigint AS spent_today, balance FROM accounts WHERE id = ${accountId}::uuid`,
  );
  if (!row) return { limit: null, spentToday: 0n, remaining: null, balance: 0n };
  const remaining = row.limit === null ? null : row.limit > row.spent_today ? row.limit - row.spent_today : 0n;
  return { limit: row.limit, spentToday: row.spent_today, remaining, balance: row.balance };
}

/** 402 `daily_spend_limit_exceeded`, the limit and what is left today in `details` (minor units). */
export function dailySpendLimitExceeded(cost: bigint | number, spend: { limit: bigint; remaining: bigint }): AppError {
  return new AppError(
    "daily_spend_limit_exceeded",
    `This request costs ${formatMoney(cost)}, more than the ${formatMoney(spend.remaining)} left of today's spend limit of ${formatMoney(spend.limit)}`,
    [
      { field: "dailySpendLimit", message: String(spend.limit), code: "limit" },
      { field: "remainingToday", message: String(spend.remaining), code: "remaining" },
    ],
  );
}

/**
 * Why a conditional reservation matched no row: the daily spend limit or the balance. Runs only
 * after a refusal, so the hot path stays one statement.
 */
export async function reservationRefusal(accountId: string, cost: bigint | number, client: Transaction | typeof db = db): Promise<AppError> {
  const spend = await loadDailySpend(accountId, client);
  if (spend.limit !== null && spend.remaining !== null && spend.remaining < BigInt(cost)) {
    return dailySpendLimitExceeded(cost, { limit: spend.limit, remaining: spend.remaining });
  }
  return insufficientCredits(cost);
}
