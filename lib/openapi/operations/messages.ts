import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { acceptedMessage, messageDetail, messagePage, messagePreview } from "@/lib/messages/responses";
import { listMessagesQuery, previewMessageInput, sendMessageInput } from "@/lib/messages/schemas";
import { batchMessageItem, batchMessagesInput, batchRecipientsInput, MAX_BATCH_MESSAGES, sendBatchResponse } from "@/lib/messages/batch-schemas";
import { apiOperation, uuidPath } from "@/lib/openapi/operation";

const idempotencyHeader = z.object({
  "Idempotency-Key": z
    .string()
    .max(255)
    .optional()
    .meta({ description: "Makes a retry safe: the same key with the same body within 24 h answers the first response again instead of sending twice" }),
});

// The route checks each item of `messages` on its own (a bad item is refused in the results, not the
// request); the document shows the fields an item may carry, each defaulting to the request's own.
const sendBatchBody = z
  .union([
    batchMessagesInput.extend({ messages: z.array(batchMessageItem.partial()).min(1).max(MAX_BATCH_MESSAGES) }),
    batchRecipientsInput.extend({ to: z.array(z.string()).min(1).max(MAX_BATCH_MESSAGES) }),
  ])
  .meta({ id: "BatchSendRequest" });

export const messagePaths: ZodOpenApiPathsObject = {
  "/v1/messages": {
    post: apiOperation({
      operationId: "sendMessage",
      tag: "Messages",
      summary: "Send a message",
      description:
        "Validates, prices and reserves credit, then queues the SMS. `to` may be local (0712…) or E.164. A `promotional` message inside the account's quiet hours is held until they end (`scheduledFor`); 402 when the balance or the daily spend limit does not cover it.",
      header: idempotencyHeader,
      body: sendMessageInput,
      errors: [402, 409],
      success: { status: 202, description: "Accepted and durable; status changes arrive by webhook", schema: acceptedMessage },
    }),
    get: apiOperation({
      operationId: "listMessages",
      tag: "Messages",
      summary: "List messages",
      description: "Newest first; filter by status, time, recipient or campaign; page with `cursor`.",
      query: listMessagesQuery,
      success: { status: 200, description: "One page of messages", schema: messagePage },
    }),
  },
  "/v1/messages/batch": {
    post: apiOperation({
      operationId: "sendMessageBatch",
      tag: "Messages",
      summary: "Send a batch of messages",
      description: `Up to ${MAX_BATCH_MESSAGES} messages in one request: either \`messages\` (each with any of \`to, from, body, callbackUrl, callbackEvents, customPayload, callbackBatch\`, defaulting to the request's own) or one \`from\`/\`body\` to an array \`to\`. Each item is checked and priced like a single send; refused items are listed in \`results\` and the rest are reserved together (402 for the whole batch when the balance or the daily spend limit does not cover them).`,
      header: idempotencyHeader,
      body: sendBatchBody,
      errors: [402, 409],
      success: { status: 202, description: "Per-item results in the request's order; accepted items are durable", schema: sendBatchResponse },
    }),
  },
  "/v1/messages/{id}": {
    get: apiOperation({
      operationId: "getMessage",
      tag: "Messages",
      summary: "Get a message",
      description: "The message with its status timeline, delivery reports and webhook deliveries.",
      path: uuidPath("id"),
      success: { status: 200, description: "The message", schema: messageDetail },
    }),
  },
  "/v1/messages/preview": {
    post: apiOperation({
      operationId: "previewMessage",
      tag: "Messages",
      summary: "Preview a message",
      description: "The same checks and price as a send, without reserving or sending anything.",
      body: previewMessageInput,
      success: { status: 200, description: "Encoding, segments, price and what would stop a send", schema: messagePreview },
    }),
  },
};
