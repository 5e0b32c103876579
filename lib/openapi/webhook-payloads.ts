import type { ZodOpenApiPathsObject } from "zod-openapi";
import type { z } from "zod";
import { ACCOUNT_EVENT_TYPES, INBOUND_EVENT_TYPES, MESSAGE_EVENT_TYPES, TEST_EVENT_TYPE } from "@/lib/webhooks/event-types";
import { accountEnvelope, inboundEnvelope, messageEnvelope } from "@/lib/webhooks/envelopes";

const DELIVERY = `POSTed to every active endpoint subscribed to the event (and to a message's or campaign's
\`callbackUrl\` when its \`callbackEvents\` select it), signed with the \`webhook-id\`, \`webhook-timestamp\`
and \`webhook-signature\` headers. An endpoint created with \`batch: true\`, and the \`callbackUrl\` of a
send with \`callbackBatch: true\`, receive a JSON array of envelopes instead. Answer 2xx within 4 s; anything else is retried with backoff.`;

function payload(type: string, schema: z.ZodType) {
  return {
    post: {
      operationId: `webhook_${type.replace(/\W/g, "_")}`,
      summary: type,
      description: DELIVERY,
      tags: ["Webhook events"],
      security: [],
      requestBody: { required: true, content: { "application/json": { schema } } },
      responses: { "2XX": { description: "Received; any 2xx acknowledges the delivery" } },
    },
  };
}

/** The OpenAPI `webhooks`: one entry per event type, keyed by the type. */
export function webhookPayloads(): ZodOpenApiPathsObject {
  return Object.fromEntries([
    ...MESSAGE_EVENT_TYPES.map((type) => [type, payload(type, messageEnvelope(type))]),
    ...INBOUND_EVENT_TYPES.map((type) => [type, payload(type, inboundEnvelope(type))]),
    ...[...ACCOUNT_EVENT_TYPES, TEST_EVENT_TYPE].map((type) => [type, payload(type, accountEnvelope(type))]),
  ]);
}
