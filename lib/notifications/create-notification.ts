import type { db, Transaction } from "@/lib/db";

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
