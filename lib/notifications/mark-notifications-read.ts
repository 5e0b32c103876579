import { db } from "@/lib/db";

/** Marks one notification (or, without an id, all of them) read; other accounts' rows are never touched. */
export async function markNotificationsRead(accountId: string, notificationId?: string): Promise<number> {
  const result = await db.notification.updateMany({
    where: { accountId, readAt: null, ...(notificationId ? { id: notificationId } : {}) },
    data: { readAt: new Date() },
  });
  return result.count;
}
