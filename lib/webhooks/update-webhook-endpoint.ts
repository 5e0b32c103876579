import { db } from "@/lib/db";
import { assertCallbackUrlAllowed } from "@/lib/webhooks/destination-policy";
import { getWebhookEndpoint, publicFields } from "@/lib/webhooks/get-webhook-endpoints";
import type { UpdateWebhookEndpointInput } from "@/lib/webhooks/schemas";

export async function updateWebhookEndpoint(accountId: string, id: string, input: UpdateWebhookEndpointInput) {
  await getWebhookEndpoint(accountId, id);
  if (input.url) assertCallbackUrlAllowed(input.url, "url");
  return db.webhookEndpoint.update({
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
}
