import { z } from "zod";
import { MessageStatus } from "@/lib/generated/prisma/enums";
import { MESSAGE_CLASSES } from "@/lib/messages/schemas";
import { anyJson, id, minorUnits, nullableTimestamp, pageOf, timestamp } from "@/lib/openapi/fields";

const status = z.enum(MessageStatus).meta({ id: "MessageStatus" });
const encoding = z.enum(["gsm7", "ucs2"]);
const messageClass = z
  .enum(MESSAGE_CLASSES)
  .meta({ id: "MessageClass", description: "`promotional` messages wait out the account's quiet hours; `transactional` ones never do" });

export const acceptedMessage = z
  .object({
    messageId: id,
    status,
    class: messageClass,
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
    class: messageClass,
    scheduledFor: nullableTimestamp.meta({ description: "Not sent before this instant (quiet hours or campaign pacing); null when it may go at once" }),
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
    inReplyToId: id.nullable().meta({ description: "The inbound message this is the automatic reply to; null for messages sent by the account" }),
    createdAt: timestamp,
    queuedAt: nullableTimestamp,
    sentAt: nullableTimestamp,
    completedAt: nullableTimestamp,
    updatedAt: timestamp,
    reason: z.string().nullable(),
  })
  .meta({ id: "Message" });

export const messagePage = pageOf(message, z.string()).meta({ id: "MessagePage" });

const sendAttempt = z.object({
  attempt: z.int().meta({ description: "The send attempt (the message's `attempts` count) this submission belongs to" }),
  provider: z.string().meta({ example: "celcom" }),
  outcome: z
    .enum(["sent", "rejected", "provider_failure"])
    .meta({ description: "`sent`: accepted by the provider; `rejected`: the provider refused the message itself; `provider_failure`: the provider failed (the router may fail over)" }),
  code: z.string().nullable().meta({ description: "Why it was not sent; null when sent" }),
  latencyMs: z.int().nullable(),
  at: timestamp,
});

const messageEvent = z.object({ status, reason: z.string().nullable(), source: z.string(), data: anyJson, at: timestamp });

export const messageDetail = message
  .extend({
    events: z.array(messageEvent).meta({ description: "Every status the message went through, oldest first" }),
    sendAttempts: z.array(sendAttempt).meta({ description: "Every submission to a provider, oldest first (a failover adds one per provider tried)" }),
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
