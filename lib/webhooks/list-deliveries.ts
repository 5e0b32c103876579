import { db } from "@/lib/db";
import { notFound } from "@/lib/http/errors";
import type { ListDeliveriesQuery } from "@/lib/webhooks/schemas";
import type { Prisma } from "@/lib/generated/prisma/client";

const deliverySelect = {
  id: true,
  endpointId: true,
  url: true,
  status: true,
  attempts: true,
  nextAttemptAt: true,
  lastStatusCode: true,
  lastError: true,
  createdAt: true,
  completedAt: true,
  event: { select: { id: true, type: true, messageId: true, campaignId: true } },
} as const;

/** Delivery log of an account, newest first, with filters; `before` is the cursor (a delivery id). */
export async function listWebhookDeliveries(accountId: string, query: Partial<ListDeliveriesQuery>) {
  const limit = query.limit ?? 50;
  let beforeCreatedAt: Date | undefined;
  if (query.before) {
    const cursor = await db.webhookDelivery.findFirst({ where: { id: query.before, accountId }, select: { createdAt: true } });
    beforeCreatedAt = cursor?.createdAt;
  }
  const where: Prisma.WebhookDeliveryWhereInput = {
    accountId,
    ...(query.status ? { status: query.status } : {}),
    ...(query.endpointId ? { endpointId: query.endpointId } : {}),
    ...(query.messageId || query.eventType
      ? { event: { ...(query.messageId ? { messageId: query.messageId } : {}), ...(query.eventType ? { type: query.eventType } : {}) } }
      : {}),
    ...(query.since || beforeCreatedAt ? { createdAt: { ...(query.since ? { gte: query.since } : {}), ...(beforeCreatedAt ? { lt: beforeCreatedAt } : {}) } } : {}),
  };
  const rows = await db.webhookDelivery.findMany({ where, select: deliverySelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit + 1 });
  return { data: rows.slice(0, limit), nextCursor: rows.length > limit ? rows[limit - 1].id : null };
}

/** One delivery with its event payload and every attempt (time, status code, latency, error). */
export async function getWebhookDelivery(accountId: string, id: string) {
  const delivery = await db.webhookDelivery.findFirst({
    where: { id, accountId },
    select: {
      ...deliverySelect,
      event: { select: { id: true, type: true, messageId: true, campaignId: true, payload: true } },
      attemptsLog: { select: { attempt: true, requestId: true, statusCode: true, latencyMs: true, error: true, createdAt: true }, orderBy: { id: "asc" } },
    },
  });
  if (!delivery) throw notFound("Webhook delivery");
  return delivery;
}

/** Webhook deliveries about one message (its detail page), oldest first. */
export async function listWebhookDeliveriesForMessage(accountId: string, messageId: string) {
  return db.webhookDelivery.findMany({
    where: { accountId, event: { messageId } },
    select: deliverySelect,
    orderBy: { createdAt: "asc" },
  });
}
