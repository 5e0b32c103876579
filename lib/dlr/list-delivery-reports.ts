import { db } from "@/lib/db";

/** Raw delivery reports of one message, oldest first; scoped by account (another account's id → empty). */
export async function listDeliveryReportsForMessage(accountId: string, messageId: string) {
  const owned = await db.message.findFirst({ where: { id: messageId, accountId }, select: { id: true } });
  if (!owned) return [];
  const rows = await db.deliveryReport.findMany({
    where: { messageId },
    orderBy: { id: "asc" },
    select: { id: true, provider: true, providerMessageId: true, rawStatus: true, mappedStatus: true, payload: true, receivedAt: true, processedAt: true },
  });
  return rows.map((row) => ({ ...row, id: row.id.toString() }));
}
