import { z } from "zod";
import { inboundAction } from "@/lib/inbound/responses";
import { anyJson, id, minorUnits, timestamp } from "@/lib/openapi/fields";

// The JSON bodies Sema Link POSTs to webhook endpoints and callback URLs (docs/webhooks.md). Loose
// objects: receivers must ignore fields they do not know, so adding one is not a breaking change.

const envelopeBase = {
  eventId: id.meta({ description: "Unique per event and identical on every retry: deduplicate on it" }),
  timestamp,
};

export const messageEnvelopeMessage = z
  .looseObject({
    id,
    from: z.string(),
    to: z.string().meta({ example: "+254712345678" }),
    status: z.string().meta({ example: "delivered" }),
    statusReason: z.string().nullable().meta({ example: "DeliveredToTerminal" }),
    segments: z.int(),
    encoding: z.enum(["gsm7", "ucs2"]),
    cost: minorUnits,
    attempts: z.int(),
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
  return z.looseObject({ ...envelopeBase, eventType: z.literal(type), message: messageEnvelopeMessage }).meta({ id: envelopeId(type) });
}

/** The envelope of a `campaign.*`, `contact_list.*` or `webhook.test` event: `data` holds the subject. */
export function accountEnvelope(type: string) {
  return z.looseObject({ ...envelopeBase, eventType: z.literal(type), data: z.looseObject({}).meta({ description: "The campaign or contact list the event is about" }) }).meta({
    id: envelopeId(type),
  });
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
