import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { notFound } from "@/lib/http/errors";
import { getWebhookEndpoint } from "@/lib/webhooks/get-webhook-endpoints";

export async function deleteWebhookEndpoint(accountId: string, id: string): Promise<void> {
  const before = await getWebhookEndpoint(accountId, id);
  const deleted = await db.webhookEndpoint.deleteMany({ where: { id, accountId } });
  if (deleted.count === 0) throw notFound("Webhook endpoint");
  await recordAudit({ action: "webhook.delete", accountId, target: { type: "webhook_endpoint", id }, before });
}
