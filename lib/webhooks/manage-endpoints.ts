import { randomUUID } from "node:crypto";
import { generateCallbackSecret } from "@/lib/accounts/create-account";
import { recordAudit } from "@/lib/audit/record-audit";
import { db, viaPrisma } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, notFound } from "@/lib/http/errors";
import { assertDestinationAllowed } from "@/lib/net/safe-fetch";
import { createWebhookEvents } from "@/lib/webhooks/create-webhook-events";
import { TEST_EVENT_TYPE } from "@/lib/webhooks/event-types";
import type { CreateWebhookEndpointInput, UpdateWebhookEndpointInput } from "@/lib/webhooks/schemas";
import { generateWebhookSecret } from "@/lib/webhooks/signing";

const publicFields = {
  id: true,
  url: true,
  description: true,
  events: true,
  batch: true,
  status: true,
  disabledReason: true,
  previousSecretExpiresAt: true,
  createdAt: true,
  updatedAt: true,
} as const;

/** Refuses destinations the SSRF policy would block anyway, so customers learn at registration (422). */
export async function assertWebhookUrlAllowed(url: string, field = "url"): Promise<void> {
  const check = await assertDestinationAllowed(url, { allowLoopback: env.WEBHOOK_ALLOW_LOOPBACK, allowPrivate: env.WEBHOOK_ALLOW_PRIVATE });
  if (!check.allowed) {
    throw new AppError("destination_not_allowed", check.message, { field, reason: check.reason });
  }
}

export async function createWebhookEndpoint(accountId: string, input: CreateWebhookEndpointInput) {
  await assertWebhookUrlAllowed(input.url);
  const secret = generateWebhookSecret();
  const endpoint = await db.webhookEndpoint.create({
    data: { accountId, url: input.url, events: [...new Set(input.events)], description: input.description ?? null, batch: input.batch ?? false, secret },
    select: publicFields,
  });
  await recordAudit({ action: "webhook.create", accountId, target: { type: "webhook_endpoint", id: endpoint.id }, after: endpoint });
  // The secret is shown once, here; later reads never include it.
  return { ...endpoint, secret };
}

export async function listWebhookEndpoints(accountId: string) {
  return db.webhookEndpoint.findMany({ where: { accountId }, select: publicFields, orderBy: { createdAt: "desc" } });
}

export async function getWebhookEndpoint(accountId: string, id: string) {
  const endpoint = await db.webhookEndpoint.findFirst({ where: { id, accountId }, select: publicFields });
  if (!endpoint) throw notFound("Webhook endpoint");
  return endpoint;
}

export async function updateWebhookEndpoint(accountId: string, id: string, input: UpdateWebhookEndpointInput) {
  const before = await getWebhookEndpoint(accountId, id);
  if (input.url) await assertWebhookUrlAllowed(input.url);
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

export async function deleteWebhookEndpoint(accountId: string, id: string): Promise<void> {
  const before = await getWebhookEndpoint(accountId, id);
  const deleted = await db.webhookEndpoint.deleteMany({ where: { id, accountId } });
  if (deleted.count === 0) throw notFound("Webhook endpoint");
  await recordAudit({ action: "webhook.delete", accountId, target: { type: "webhook_endpoint", id }, before });
}

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

/** The secret that signs per-message and per-campaign callbacks (shown in the portal). */
export async function getCallbackSecret(accountId: string): Promise<string> {
  const account = await db.account.findUnique({ where: { id: accountId }, select: { callbackSecret: true } });
  if (!account) throw notFound("Account");
  return account.callbackSecret;
}

export async function rotateCallbackSecret(accountId: string): Promise<string> {
  const callbackSecret = generateCallbackSecret();
  await db.account.update({ where: { id: accountId }, data: { callbackSecret } });
  await recordAudit({ action: "callback_secret.rotate", accountId, target: { type: "account", id: accountId }, after: { callbackSecret } });
  return callbackSecret;
}

/** Sends a `webhook.test` event to one endpoint (even a disabled one is refused: enable it first). */
export async function sendTestEvent(accountId: string, id: string): Promise<{ eventId: string }> {
  const endpoint = await getWebhookEndpoint(accountId, id);
  if (endpoint.status !== "active") throw new AppError("invalid_state", "Enable the endpoint before sending a test event");
  const eventId = randomUUID();
  await createWebhookEvents(viaPrisma(db), [
    {
      id: eventId,
      accountId,
      type: TEST_EVENT_TYPE,
      onlyEndpointId: id,
      payload: {
        eventId,
        eventType: TEST_EVENT_TYPE,
        timestamp: new Date().toISOString(),
        data: { endpointId: id, message: "Test event from Sema Link" },
      },
    },
  ]);
  return { eventId };
}
