import { z } from "zod";
import { anyJson, id, listOf, nullableTimestamp, timestamp } from "@/lib/openapi/fields";
import { DELIVERY_STATUSES } from "@/lib/webhooks/schemas";

export const webhookEndpoint = z
  .object({
    id,
    url: z.string(),
    description: z.string().nullable(),
    events: z.array(z.string()),
    batch: z.boolean(),
    status: z.enum(["active", "disabled"]),
    disabledReason: z.string().nullable(),
    previousSecretExpiresAt: nullableTimestamp.meta({ description: "Until when the previous secret still signs, after a rotation" }),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: "WebhookEndpoint" });

export const webhookEndpointList = listOf(webhookEndpoint).meta({ id: "WebhookEndpointList" });

export const webhookEndpointWithSecret = webhookEndpoint
  .extend({ secret: z.string().meta({ description: "Signing secret (`whsec_…`); shown only in this response", example: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" }) })
  .meta({ id: "WebhookEndpointWithSecret" });

const deliveredEvent = z.object({ id, type: z.string(), messageId: id.nullable(), campaignId: id.nullable() });

export const webhookDelivery = z
  .object({
    id,
    endpointId: id.nullable().meta({ description: "Null for a per-message or per-campaign callback" }),
    url: z.string(),
    status: z.enum(DELIVERY_STATUSES),
    attempts: z.int(),
    nextAttemptAt: nullableTimestamp,
    lastStatusCode: z.int().nullable(),
    lastError: z.string().nullable(),
    createdAt: timestamp,
    completedAt: nullableTimestamp,
    event: deliveredEvent,
  })
  .meta({ id: "WebhookDelivery" });

export const webhookDeliveryPage = z.object({ data: z.array(webhookDelivery), nextCursor: id.nullable() }).meta({ id: "WebhookDeliveryPage" });

export const webhookDeliveryDetail = webhookDelivery
  .extend({
    event: deliveredEvent.extend({ payload: anyJson.meta({ description: "The envelope as delivered" }) }),
    attemptsLog: z.array(z.looseObject({})).meta({ description: "Every attempt, oldest first" }),
  })
  .meta({ id: "WebhookDeliveryDetail" });

export const testEventSent = z.object({ eventId: id }).meta({ id: "TestEventSent" });
export const replayed = z.object({ replayed: z.int() }).meta({ id: "Replayed" });
