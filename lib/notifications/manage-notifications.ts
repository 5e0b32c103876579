import { db, type Transaction } from "@/lib/db";

type Client = Transaction | typeof db;

export interface NotificationInput {
  accountId: string;
  type: string;
  title: string;
  body?: string | null;
  link?: string | null;
}

/** Records a portal notification; pass the transaction that made the change it announces. */
export async function createNotification(client: Client, input: NotificationInput) {
  return client.notification.create({
    data: { accountId: input.accountId, type: input.type, title: input.title, body: input.body ?? null, link: input.link ?? null },
  });
}

export async function listNotifications(accountId: string, limit = 20) {
  return db.notification.findMany({
    where: { accountId },
    orderBy: { createdAt: "desc" },
    take: Math.min(Math.max(limit, 1), 100),
    select: { id: true, type: true, title: true, body: true, link: true, readAt: true, createdAt: true },
  });
}

export async function countUnreadNotifications(accountId: string): Promise<number> {
  return db.notification.count({ where: { accountId, readAt: null } });
}

/** Marks one notification (or, without an id, all of them) read; other accounts' rows are never touched. */
export async function markNotificationsRead(accountId: string, notificationId?: string): Promise<number> {
  const result = await db.notification.updateMany({
    where: { accountId, readAt: null, ...(notificationId ? { id: notificationId } : {}) },
    data: { readAt: new Date() },
  });
  return result.count;
}
