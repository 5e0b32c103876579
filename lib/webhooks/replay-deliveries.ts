import { db, Prisma } from "@/lib/db";
import { AppError, notFound } from "@/lib/http/errors";

/**
 * Replays a delivery: back to pending with a fresh set of attempts, due now. The relay hands it to
 * the queue (it has next_attempt_at NULL). Earlier attempts stay in the log.
 */
export async function replayDelivery(accountId: string, deliveryId: string): Promise<void> {
  const delivery = await db.webhookDelivery.findFirst({ where: { id: deliveryId, accountId }, select: { status: true, endpoint: { select: { status: true } } } });
  if (!delivery) throw notFound("Webhook delivery");
  if (delivery.status === "pending") throw new AppError("invalid_state", "Delivery is still pending");
  if (delivery.endpoint && delivery.endpoint.status !== "active") {
    throw new AppError("invalid_state", "Enable the endpoint before replaying its deliveries");
  }
  await db.webhookDelivery.update({
    where: { id: deliveryId },
    data: { status: "pending", attempts: 0, nextAttemptAt: null, completedAt: null, lastError: null },
  });
}

/** Replays every failed delivery created since `since` (optionally for one endpoint); returns how many. */
export async function replayFailedDeliveries(accountId: string, input: { since: Date; endpointId?: string }): Promise<number> {
  const endpointFilter = input.endpointId ? Prisma.sql`AND d.endpoint_id = ${input.endpointId}::uuid` : Prisma.empty;
  return db.$executeRaw(Prisma.sql`
    UPDATE webhook_deliveries d SET status = 'pending', attempts = 0, next_attempt_at = NULL, completed_at = NULL, last_error = NULL
    WHERE d.account_id = ${accountId}::uuid AND d.status = 'failed' AND d.created_at >= ${input.since}
      ${endpointFilter}
      AND (d.endpoint_id IS NULL OR EXISTS (SELECT 1 FROM webhook_endpoints e WHERE e.id = d.endpoint_id AND e.status = 'active'))`);
}
