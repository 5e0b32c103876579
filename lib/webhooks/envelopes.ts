import { z } from "zod";
import { inboundAction } from "@/lib/inbound/responses";
import { anyJson, id, minorUnits, timestamp } from "@/lib/openapi/fields";

// The JSON bodies Sema Link POSTs to webhook endpoints and callback URLs (docs/webhooks.md). Loose
// objects: receivers must ignore fields they do not know, so adding one is not a breaking change.

const envelopeBase = {
  eventId: id.meta({ description: "Unique per event and identical on every retry: deduplicate on it" }),
  timestamp,
  endpointId: id.optional().meta({ description: "The webhook endpoint this delivery goes to; absent on a message's or campaign's own callbackUrl" }),
};

export const messageEnvelopeMessage = z
  .looseObject({
    id,
    from: z.string(),
    to: z.string().meta({ example: "+254712345678" }),
    body: z.string(),
    status: z.string().meta({ example: "delivered" }),
    statusReason: z.string().nullable().meta({ example: "DeliveredToTerminal" }),
    segments: z.int(),
    units: z.int().meta({ description: "What the message is billed by: one unit per segment" }),
    encoding: z.enum(["gsm7", "ucs2"]),
    cost: minorUnits,
    attempts: z.int(),
    createdAt: timestamp,
    updatedAt: timestamp.meta({ description: "When the change this event reports happened" }),
    campaignId: id.optional(),
    customPayload: anyJson.optional().meta({ description: "Echoed from the send request when it was given" }),
  })
  .meta({ id: "WebhookMessage" });

/** "message.delivered" → "MessageDeliveredEvent", the envelope's name in the document. */
function envelopeId(type: string): string {
  return `${type.split(/[._]/).map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join("")}Event`;
}

/** The envelope of a `message.*` event. */
export function messageEnvelope(type: string) {
  return z.looseObject({ ...envelopeBase, eventType: z.literal(type), accountId: id, message: messageEnvelopeMessage }).meta({ id: envelopeId(type) });
}

/** The envelope of a `campaign.*`, `contact_list.*`, `account.*` or `webhook.test` event: `data` holds the subject. */
export function accountEnvelope(type: string) {
  const data =
    type === "account.low_balance"
      ? z.looseObject({ balance: minorUnits, threshold: minorUnits }).meta({ description: "The balance that fell below the account's lowBalanceThreshold, and the threshold" })
      : z.looseObject({}).meta({ description: "The campaign or contact list the event is about" });
  return z
    .looseObject({
      ...envelopeBase,
      eventType: z.literal(type),
      data,
      campaignId: id.optional().meta({ description: "On a campaign's events" }),
      customPayload: anyJson.optional().meta({ description: "A campaign's customPayload, when it was given" }),
    })
    .meta({ id: envelopeId(type) });
}

/** The envelope of `message.inbound`: `data` is the message someone sent to one of the account's numbers. */
export function inboundEnvelope(type: string) {
  return z
    .looseObject({
      ...envelopeBase,
      eventType: z.literal(type),
      data: z
        .looseObject({
          id: id.meta({ description: "The inbound message (GET /v1/inbound-messages)" }),
          from: z.string().meta({ description: "The sender in E.164, or as received when it is not a phone number", example: "+254712345678" }),
          to: z.string().meta({ description: "The account's number it was sent to", example: "22384" }),
          body: z.string(),
          keyword: z.string().nullable().meta({ example: "STOP" }),
          action: inboundAction,
          provider: z.string(),
          providerMessageId: z.string().nullable(),
          receivedAt: timestamp,
        })
        .meta({ id: "WebhookInboundMessage" }),
    })
    .meta({ id: envelopeId(type) });
}
