import { db } from "@/lib/db";
import { notFound } from "@/lib/http/errors";

/** The columns of a sender ID that its account sees. */
export const publicFields = { id: true, value: true, status: true, purpose: true, reason: true, createdAt: true, decidedAt: true } as const;

export async function listSenderIds(accountId: string) {
  return db.senderId.findMany({ where: { accountId }, select: publicFields, orderBy: { createdAt: "desc" } });
}

export async function getSenderId(accountId: string, id: string) {
  const row = await db.senderId.findFirst({ where: { id, accountId }, select: publicFields });
  if (!row) throw notFound("Sender ID");
  return row;
}

export async function listPendingSenderIds() {
  return db.senderId.findMany({
    where: { status: "pending" },
    select: { ...publicFields, account: { select: { id: true, name: true } } },
    orderBy: { createdAt: "asc" },
  });
}
