import { z } from "zod";
import { MessageStatus } from "@/lib/generated/prisma/enums";
import { anyJson, id, minorUnits, nullableTimestamp, pageOf, timestamp } from "@/lib/openapi/fields";

const status = z.enum(MessageStatus).meta({ id: "MessageStatus" });
const encoding = z.enum(["gsm7", "ucs2"]);

export const acceptedMessage = z
  .object({
    messageId: id,
    status,
    to: z.string().meta({ description: "The recipient in E.164", example: "+254712345678" }),
    segments: z.int(),
    encoding,
    cost: minorUnits,
  })
  .meta({ id: "AcceptedMessage" });

export const message = z
  .object({
    id,
    campaignId: id.nullable(),
    to: z.string(),
    from: z.string(),
    body: z.string(),
    status,
    priority: z.enum(["high", "normal"]),
    encoding,
    segments: z.int(),
    country: z.string().nullable(),
    operator: z.string().nullable(),
    cost: minorUnits,
    chargeState: z.enum(["reserved", "captured", "released"]),
    provider: z.string().nullable(),
    providerMessageId: z.string().nullable(),
    attempts: z.int(),
    callbackUrl: z.string().nullable(),
    callbackEvents: z.array(z.string()),
    customPayload: anyJson,
    createdAt: timestamp,
    queuedAt: nullableTimestamp,
    sentAt: nullableTimestamp,
    completedAt: nullableTimestamp,
    updatedAt: timestamp,
    reason: z.string().nullable(),
  })
  .meta({ id: "Message" });

export const messagePage = pageOf(message, z.string()).meta({ id: "MessagePage" });

const messageEvent = z.object({ status, reason: z.string().nullable(), source: z.string(), data: anyJson, at: timestamp });

export const messageDetail = message
  .extend({
    events: z.array(messageEvent).meta({ description: "Every status the message went through, oldest first" }),
    deliveryReports: z.array(z.looseObject({})).meta({ description: "Delivery reports received from the provider" }),
    webhookDeliveries: z.array(z.looseObject({})).meta({ description: "Webhook and callback deliveries of this message's events" }),
  })
  .meta({ id: "MessageDetail" });

export const messagePreview = z
  .object({
    to: z.string().nullable(),
    country: z.string().nullable(),
    operator: z.string().nullable(),
    encoding,
    segments: z.int(),
    length: z.int(),
    charactersLeft: z.int(),
    perSegment: z.int(),
    ratePerSegment: minorUnits.nullable(),
    cost: minorUnits.nullable(),
    currency: z.string(),
    sufficientCredits: z.boolean(),
    issues: z.array(z.looseObject({ field: z.string(), message: z.string() })).meta({ description: "What would make a send fail" }),
  })
  .meta({ id: "MessagePreview" });
