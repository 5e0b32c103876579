import { db } from "@/lib/db";
import { notFound } from "@/lib/http/errors";

export async function deleteWebhookEndpoint(accountId: string, id: string): Promise<void> {
  const deleted = await db.webhookEndpoint.deleteMany({ where: { id, accountId } });
  if (deleted.count === 0) throw notFound("Webhook endpoint");
}
