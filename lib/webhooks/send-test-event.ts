import { randomUUID } from "node:crypto";
import { db, viaPrisma } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import { createWebhookEvents } from "@/lib/webhooks/create-webhook-events";
import { TEST_EVENT_TYPE } from "@/lib/webhooks/event-types";
import { getWebhookEndpoint } from "@/lib/webhooks/get-webhook-endpoints";

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
