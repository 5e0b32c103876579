import { getAccountSummary } from "@/lib/accounts/get-account";
import { loadDailySpend } from "@/lib/credits/reservation-refusal";
import { db } from "@/lib/db";
import { notFound } from "@/lib/http/errors";
import { quietHoursOf, type QuietHours } from "@/lib/traffic/quiet-hours";
import { replanHeldMessages } from "@/lib/traffic/replan-held-messages";
import type { AccountControlsPatch } from "@/lib/traffic/schemas";

export interface AccountControls {
  /** Minor units; null = no limit. */
  dailySpendLimit: number | null;
  /** Reserved today, the calendar day in the account's time zone. */
  spentToday: number;
  remainingToday: number | null;
  /** Promotional traffic is held inside this window (account time zone); null = none. */
  quietHours: QuietHours | null;
  /** Minor units; crossing it below alerts once (notification + account.low_balance). */
  lowBalanceThreshold: number | null;
}

export async function getAccountControls(accountId: string): Promise<AccountControls> {
  const [spend, account] = await Promise.all([
    loadDailySpend(accountId),
    db.account.findUnique({ where: { id: accountId }, select: { quietHoursStart: true, quietHoursEnd: true, lowBalanceThreshold: true } }),
  ]);
  return {
    quietHours: quietHoursOf(account?.quietHoursStart ?? null, account?.quietHoursEnd ?? null),
    lowBalanceThreshold: account?.lowBalanceThreshold == null ? null : Number(account.lowBalanceThreshold),
    dailySpendLimit: spend.limit === null ? null : Number(spend.limit),
    spentToday: Number(spend.spentToday),
    remainingToday: spend.remaining === null ? null : Number(spend.remaining),
  };
}

/** `GET /v1/account`: the account with its traffic controls. */
export async function getAccountWithControls(accountId: string) {
  const [summary, controls] = await Promise.all([getAccountSummary(accountId), getAccountControls(accountId)]);
  return { ...summary, ...controls };
}

/** `PATCH /v1/account` and Settings: changes the given controls, returns the account as GET does. */
export async function updateAccountControls(accountId: string, patch: AccountControlsPatch) {
  const data: { dailySpendLimit?: bigint | null; quietHoursStart?: string | null; quietHoursEnd?: string | null; lowBalanceThreshold?: bigint | null; lowBalanceAlerted?: boolean } = {};
  if (patch.lowBalanceThreshold !== undefined) {
    data.lowBalanceThreshold = patch.lowBalanceThreshold === null ? null : BigInt(patch.lowBalanceThreshold);
    data.lowBalanceAlerted = false;
  }
  if (patch.quietHours !== undefined) {
    data.quietHoursStart = patch.quietHours?.start ?? null;
    data.quietHoursEnd = patch.quietHours?.end ?? null;
  }
  if (patch.dailySpendLimit !== undefined) data.dailySpendLimit = patch.dailySpendLimit === null ? null : BigInt(patch.dailySpendLimit);
  const updated = await db.account.updateMany({ where: { id: accountId }, data });
  if (updated.count === 0) throw notFound("Account");
  if (patch.quietHours !== undefined) await replanHeldMessages(accountId);
  return getAccountWithControls(accountId);
}
