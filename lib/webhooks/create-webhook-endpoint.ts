import { db } from "@/lib/db";
import { assertWebhookUrlAllowed } from "@/lib/webhooks/assert-webhook-url-allowed";
import { publicFields } from "@/lib/webhooks/get-webhook-endpoints";
import type { CreateWebhookEndpointInput } from "@/lib/webhooks/schemas";
import { generateWebhookSecret } from "@/lib/webhooks/signing";

export async function createWebhookEndpoint(accountId: string, input: CreateWebhookEndpointInput) {
  await assertWebhookUrlAllowed(input.url);
  const secret = generateWebhookSecret();
  const endpoint = await db.webhookEndpoint.create({
    data: { accountId, url: input.url, events: [...new Set(input.events)], description: input.description ?? null, batch: input.batch ?? false, secret },
    select: publicFields,
  });
  // The secret is shown once, here; later reads never include it.
  return { ...endpoint, secret };
}
