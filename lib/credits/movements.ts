import { recordAudit } from "@/lib/audit/record-audit";
import { db, Prisma, type Transaction } from "@/lib/db";
import { countDailySpendSql, withinDailySpendLimitSql } from "@/lib/credits/daily-spend-sql";
import { announceLowBalance, announceLowBalanceNow } from "@/lib/credits/low-balance";
import { reservationRefusal } from "@/lib/credits/reservation-refusal";
import { AppError } from "@/lib/http/errors";

type Client = Transaction | typeof db;
export type Money = number | bigint;

export interface LedgerRefs {
  messageId?: string | null;
  campaignId?: string | null;
  description?: string | null;
}

function positive(amount: Money): bigint {
  const value = BigInt(amount);
  if (value <= 0n) throw new Error(`credit movement must be positive, got ${value}`);
  return value;
}

async function record(client: Client, accountId: string, type: "topup" | "reserve" | "capture" | "release", amount: bigint, refs: LedgerRefs) {
  await client.ledgerEntry.create({
    data: {
      accountId,
      type,
      amount,
      messageId: refs.messageId ?? null,
      campaignId: refs.campaignId ?? null,
      description: refs.description ?? null,
    },
  });
}

/** Adds purchased credit to the account balance. */
export async function topUpCredits(accountId: string, amount: Money, refs: LedgerRefs = {}, client: Client = db) {
  const value = positive(amount);
  const run = async (tx: Client) => {
    // A top-up that lifts the balance to the low-balance threshold re-arms the alert.
    const updated = await tx.$executeRaw`
      UPDATE accounts SET balance = balance + ${value}, topped_up = topped_up + ${value}, updated_at = now(),
        low_balance_alerted = low_balance_alerted AND low_balance_threshold IS NOT NULL AND balance + ${value} < low_balance_threshold
      WHERE id = ${accountId}::uuid`;
    if (updated === 0) throw new AppError("not_found", "Account not found");
    await record(tx, accountId, "topup", value, refs);
    await recordAudit(
      { action: "credits.top_up", accountId, operator: true, target: { type: "account", id: accountId }, after: { amount: value, description: refs.description ?? null } },
      tx,
    );
  };
  if (client === db) await db.$transaction(run);
  else await run(client);
}

export { insufficientCredits } from "@/lib/credits/reservation-refusal";

export interface ReserveOptions {
  /**
   * false: a scheduled campaign's estimate, counted against the daily limit of the day it starts
   * (countDailySpend in lib/credits/count-daily-spend.ts); now it only has to fit under the limit.
   */
  countDailySpend?: boolean;
}

/**
 * Moves credit from balance to reserved, atomically: the conditional UPDATE never lets the balance
 * go negative nor today's spend pass the daily limit, however many requests race for it. Refused:
 * 402 `daily_spend_limit_exceeded` or `insufficient_credits`.
 */
export async function reserveCredits(client: Client, accountId: string, amount: Money, refs: LedgerRefs = {}, options: ReserveOptions = {}) {
  const value = BigInt(amount);
  if (value === 0n) return;
  const daily = options.countDailySpend === false
    ? { set: Prisma.empty, within: Prisma.sql`(daily_spend_limit IS NULL OR ${value} <= daily_spend_limit)` }
    : { set: Prisma.sql`${countDailySpendSql(value)},`, within: withinDailySpendLimitSql(value) };
  const updated = await client.$executeRaw(Prisma.sql`
    UPDATE accounts SET balance = balance - ${value}, reserved = reserved + ${value}, ${daily.set} updated_at = now()
    WHERE id = ${accountId}::uuid AND balance >= ${value} AND ${daily.within}`);
  if (updated === 0) {
    throw await reservationRefusal(accountId, value, client);
  }
  if (client === db) await announceLowBalanceNow(accountId);
  else await announceLowBalance(client as Transaction, accountId);
  await record(client, accountId, "reserve", positive(value), refs);
}

/** Reserved credit becomes spent: the charge is final. */
export async function captureCredits(client: Client, accountId: string, amount: Money, refs: LedgerRefs = {}) {
  const value = BigInt(amount);
  if (value === 0n) return;
  await client.$executeRaw`
    UPDATE accounts SET reserved = reserved - ${value}, spent = spent + ${value}, updated_at = now()
    WHERE id = ${accountId}::uuid`;
  await record(client, accountId, "capture", positive(value), refs);
}

/** Reserved credit goes back to the balance (refund of a reservation). */
export async function releaseCredits(client: Client, accountId: string, amount: Money, refs: LedgerRefs = {}) {
  const value = BigInt(amount);
  if (value === 0n) return;
  await client.$executeRaw`
    UPDATE accounts SET reserved = reserved - ${value}, balance = balance + ${value}, updated_at = now()
    WHERE id = ${accountId}::uuid`;
  await record(client, accountId, "release", positive(value), refs);
}
