import { db } from "@/lib/db";

export interface LedgerCheck {
  balanced: boolean;
  problems: string[];
  account: { toppedUp: bigint; balance: bigint; reserved: bigint; spent: bigint };
  ledger: { topup: bigint; reserve: bigint; capture: bigint; release: bigint };
}

/**
 * Proves the books of one account: top-ups = balance + reserved + spent, and the running
 * balances agree with the sum of ledger entries. Tests call it after every scenario.
 */
export async function checkLedger(accountId: string): Promise<LedgerCheck> {
  const account = await db.account.findUniqueOrThrow({
    where: { id: accountId },
    select: { toppedUp: true, balance: true, reserved: true, spent: true },
  });
  const sums = await db.ledgerEntry.groupBy({ by: ["type"], where: { accountId }, _sum: { amount: true } });
  const total = (type: string) => sums.find((row) => row.type === type)?._sum.amount ?? 0n;
  const ledger = { topup: total("topup"), reserve: total("reserve"), capture: total("capture"), release: total("release") };

  const problems: string[] = [];
  if (account.toppedUp !== account.balance + account.reserved + account.spent) {
    problems.push(`top-ups ${account.toppedUp} ≠ balance ${account.balance} + reserved ${account.reserved} + spent ${account.spent}`);
  }
  if (ledger.topup !== account.toppedUp) problems.push(`ledger top-ups ${ledger.topup} ≠ account top-ups ${account.toppedUp}`);
  if (ledger.capture !== account.spent) problems.push(`ledger captures ${ledger.capture} ≠ spent ${account.spent}`);
  if (ledger.reserve - ledger.capture - ledger.release !== account.reserved) {
    problems.push(`ledger reserve − capture − release ${ledger.reserve - ledger.capture - ledger.release} ≠ reserved ${account.reserved}`);
  }
  if (account.balance < 0n || account.reserved < 0n) problems.push("negative balance or reservation");
  return { balanced: problems.length === 0, problems, account, ledger };
}
