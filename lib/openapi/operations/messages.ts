import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { acceptedMessage, messageDetail, messagePage, messagePreview } from "@/lib/messages/responses";
import { listMessagesQuery, previewMessageInput, sendMessageInput } from "@/lib/messages/schemas";
import { apiOperation, uuidPath } from "@/lib/openapi/operation";

const idempotencyHeader = z.object({
  "Idempotency-Key": z
    .string()
    .max(255)
    .optional()
    .meta({ description: "Makes a retry safe: the same key with the same body within 24 h answers the first response again instead of sending twice" }),
});

export const messagePaths: ZodOpenApiPathsObject = {
  "/v1/messages": {
    post: apiOperation({
      operationId: "sendMessage",
      tag: "Messages",
      summary: "Send a message",
      description: "Validates, prices and reserves credit, then queues the SMS. `to` may be local (0712…) or E.164.",
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
