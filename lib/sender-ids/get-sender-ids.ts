import { db } from "@/lib/db";
import { notFound } from "@/lib/http/errors";

/** The columns of a sender ID that its account sees. */
export const senderIdFields = { id: true, value: true, status: true, purpose: true, reason: true, createdAt: true, decidedAt: true } as const;

export async function listSenderIds(accountId: string) {
  return db.senderId.findMany({ where: { accountId }, select: senderIdFields, orderBy: { createdAt: "desc" } });
}

export async function getSenderId(accountId: string, id: string) {
  const row = await db.senderId.findFirst({ where: { id, accountId }, select: senderIdFields });
  if (!row) throw notFound("Sender ID");
  return row;
}

export async function listPendingSenderIds() {
  return db.senderId.findMany({
    where: { status: "pending" },
    select: { ...senderIdFields, account: { select: { id: true, name: true } } },
    orderBy: { createdAt: "asc" },
  });
}
