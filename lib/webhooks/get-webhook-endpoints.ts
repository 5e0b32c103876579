import { db } from "@/lib/db";
import { notFound } from "@/lib/http/errors";

/** The columns of an endpoint that its account sees (never the signing secrets). */
export const publicFields = {
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

export async function listWebhookEndpoints(accountId: string) {
  return db.webhookEndpoint.findMany({ where: { accountId }, select: publicFields, orderBy: { createdAt: "desc" } });
}

export async function getWebhookEndpoint(accountId: string, id: string) {
  const endpoint = await db.webhookEndpoint.findFirst({ where: { id, accountId }, select: publicFields });
  if (!endpoint) throw notFound("Webhook endpoint");
  return endpoint;
}
