import { db } from "@/lib/db";

export interface BalanceOutlook {
  balance: number;
  /** The account's low-balance threshold (minor units), when one is set. */
  threshold: number | null;
  /** Average captured spend per day over the last `window` days, minor units. */
  dailySpend: number;
  /** Whole days the balance lasts at that rate; null when nothing was spent. */
  daysLeft: number | null;
  low: boolean;
}

/** Days of spend below which the overview warns even without a threshold. */
export const LOW_DAYS_LEFT = 3;

/** Whether the balance is low: under the account's threshold, or lasting fewer than LOW_DAYS_LEFT days at recent spend. */
export function judgeBalance(balance: number, threshold: number | null, recentDailySpend: readonly number[]): BalanceOutlook {
  const dailySpend = recentDailySpend.length === 0 ? 0 : Math.round(recentDailySpend.reduce((sum, value) => sum + value, 0) / recentDailySpend.length);
  const daysLeft = dailySpend > 0 ? Math.floor(balance / dailySpend) : null;
  const low = (threshold !== null && balance < threshold) || (daysLeft !== null && daysLeft < LOW_DAYS_LEFT);
  return { balance, threshold, dailySpend, daysLeft, low };
}

/** The account's balance judged against its threshold and the spend of its last days (from the overview's daily series). */
export async function getBalanceOutlook(accountId: string, recentDailySpend: readonly number[]): Promise<BalanceOutlook> {
  const account = await db.account.findUniqueOrThrow({ where: { id: accountId }, select: { balance: true, lowBalanceThreshold: true } });
  const threshold = account.lowBalanceThreshold === null ? null : Number(account.lowBalanceThreshold);
  return judgeBalance(Number(account.balance), threshold, recentDailySpend);
}
