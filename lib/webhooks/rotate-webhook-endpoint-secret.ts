import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { notFound } from "@/lib/http/errors";
import { publicFields } from "@/lib/webhooks/get-webhook-endpoints";
import { generateWebhookSecret } from "@/lib/webhooks/signing";

/**
 * New signing secret for an endpoint. The old one keeps signing next to it for `overlapHours`
 * (both appear in webhook-signature), so receivers can switch without missing a delivery.
 */
export async function rotateWebhookEndpointSecret(accountId: string, id: string, overlapHours = 24) {
  const current = await db.webhookEndpoint.findFirst({ where: { id, accountId }, select: { secret: true } });
  if (!current) throw notFound("Webhook endpoint");
  const secret = generateWebhookSecret();
  const overlapEnds = new Date(Date.now() + overlapHours * 3_600_000);
  const endpoint = await db.webhookEndpoint.update({
    where: { id },
    data: { secret, previousSecret: overlapHours > 0 ? current.secret : null, previousSecretExpiresAt: overlapHours > 0 ? overlapEnds : null },
    select: publicFields,
  });
  await recordAudit({
    action: "webhook.rotate_secret",
    accountId,
    target: { type: "webhook_endpoint", id },
    after: { secret, previousSecretExpiresAt: endpoint.previousSecretExpiresAt },
  });
  return { ...endpoint, secret };
}
