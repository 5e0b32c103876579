import { db, Prisma, type Transaction } from "@/lib/db";
import { formatMoney } from "@/lib/format";
import { announce } from "@/lib/notifications/announce";

/** RETURNING column of a reservation's UPDATE of `accounts`: whether it just crossed the threshold unannounced. */
export const crossedLowBalanceSql = Prisma.sql`(low_balance_threshold IS NOT NULL AND balance < low_balance_threshold AND NOT low_balance_alerted)`;

/**
 * Announces a low balance once per crossing: the flag is claimed in the same transaction as the
 * portal notification and the `account.low_balance` event, so concurrent reservations that all
 * saw the crossing announce it once. A top-up that lifts the balance to the threshold re-arms it.
 */
export async function announceLowBalance(tx: Transaction, accountId: string): Promise<boolean> {
  const [row] = await tx.$queryRaw<{ balance: bigint; threshold: bigint }[]>`
    UPDATE accounts SET low_balance_alerted = true
    WHERE id = ${accountId}::uuid AND ${crossedLowBalanceSql}
    RETURNING balance, low_balance_threshold AS threshold`;
  if (!row) return false;
  await announce(tx, {
    accountId,
    notification: {
      type: "account.low_balance",
      title: `Balance below ${formatMoney(row.threshold)}`,
      body: `Your balance is ${formatMoney(row.balance)}. Top up to keep sending.`,
      link: "/billing",
    },
    event: { type: "account.low_balance", data: { balance: Number(row.balance), threshold: Number(row.threshold) } },
  });
  return true;
}

/** Outside a transaction (after a single send's reservation). */
export async function announceLowBalanceNow(accountId: string): Promise<boolean> {
  return db.$transaction((tx) => announceLowBalance(tx, accountId));
}
