import { db } from "@/lib/db";

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
