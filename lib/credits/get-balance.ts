import { db } from "@/lib/db";
import { notFound } from "@/lib/http/errors";

export interface Balance {
  currency: "KES";
  balance: number;
  reserved: number;
  spent: number;
  toppedUp: number;
}

export async function getBalance(accountId: string): Promise<Balance> {
  const account = await db.account.findUnique({
    where: { id: accountId },
    select: { balance: true, reserved: true, spent: true, toppedUp: true },
  });
  if (!account) throw notFound("Account");
  return {
    currency: "KES",
    balance: Number(account.balance),
    reserved: Number(account.reserved),
    spent: Number(account.spent),
    toppedUp: Number(account.toppedUp),
  };
}
