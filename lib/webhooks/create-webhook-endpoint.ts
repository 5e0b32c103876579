import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import { assertCallbackUrlAllowed } from "@/lib/webhooks/destination-policy";
import { publicFields } from "@/lib/webhooks/get-webhook-endpoints";
import type { CreateWebhookEndpointInput } from "@/lib/webhooks/schemas";
import { generateWebhookSecret } from "@/lib/webhooks/signing";

/** Endpoints one account may register: each event fans out to every one of them. */
export const MAX_WEBHOOK_ENDPOINTS_PER_ACCOUNT = 20;

export async function createWebhookEndpoint(accountId: string, input: CreateWebhookEndpointInput) {
  assertCallbackUrlAllowed(input.url, "url");
  const secret = generateWebhookSecret();
  const endpoint = await db.$transaction(async (tx) => {
    // Serialises registrations of one account, so two concurrent requests cannot both take the last place.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`webhook-endpoints:${accountId}`}, 0))`;
    const existing = await tx.webhookEndpoint.count({ where: { accountId } });
    if (existing >= MAX_WEBHOOK_ENDPOINTS_PER_ACCOUNT) {
      const message = `An account can have at most ${MAX_WEBHOOK_ENDPOINTS_PER_ACCOUNT} webhook endpoints; delete one before adding another`;
      throw new AppError("validation_failed", message, [{ field: "url", message }]);
    }
    return tx.webhookEndpoint.create({
      data: { accountId, url: input.url, events: [...new Set(input.events)], description: input.description ?? null, batch: input.batch ?? false, secret },
      select: publicFields,
    });
  });
  await recordAudit({ action: "webhook.create", accountId, target: { type: "webhook_endpoint", id: endpoint.id }, after: endpoint });
  // The secret is shown once, here; later reads never include it.
  return { ...endpoint, secret };
}
