import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { assertCallbackUrlAllowed } from "@/lib/webhooks/destination-policy";
import { getWebhookEndpoint, publicFields } from "@/lib/webhooks/get-webhook-endpoints";
import type { UpdateWebhookEndpointInput } from "@/lib/webhooks/schemas";

export async function updateWebhookEndpoint(accountId: string, id: string, input: UpdateWebhookEndpointInput) {
  const before = await getWebhookEndpoint(accountId, id);
  if (input.url) assertCallbackUrlAllowed(input.url, "url");
  const after = await db.webhookEndpoint.update({
    where: { id },
    data: {
      ...(input.url ? { url: input.url } : {}),
      ...(input.events ? { events: [...new Set(input.events)] } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.batch !== undefined ? { batch: input.batch } : {}),
      ...(input.status ? { status: input.status, disabledReason: input.status === "disabled" ? "Disabled by the customer" : null } : {}),
    },
    select: publicFields,
  });
  await recordAudit({ action: "webhook.update", accountId, target: { type: "webhook_endpoint", id }, before, after });
  return after;
}
