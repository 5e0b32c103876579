import type { ZodOpenApiPathsObject } from "zod-openapi";
import { apiOperation, uuidPath } from "@/lib/openapi/operation";
import { replayed, testEventSent, webhookDeliveryDetail, webhookDeliveryPage, webhookEndpoint, webhookEndpointList, webhookEndpointWithSecret } from "@/lib/webhooks/responses";
import { createWebhookEndpointInput, listDeliveriesQuery, replayFailedInput, rotateSecretInput, updateWebhookEndpointInput } from "@/lib/webhooks/schemas";

const tag = "Webhooks";
const endpointPath = uuidPath("id");
const deliveryPath = uuidPath("deliveryId");

export const webhookPaths: ZodOpenApiPathsObject = {
  "/v1/webhooks": {
    get: apiOperation({ operationId: "listWebhookEndpoints", tag, summary: "List webhook endpoints", success: { status: 200, description: "Every endpoint of the account", schema: webhookEndpointList } }),
    post: apiOperation({
      operationId: "createWebhookEndpoint",
      tag,
      summary: "Create a webhook endpoint",
      body: createWebhookEndpointInput,
      success: { status: 201, description: "The endpoint and its signing secret (shown only here)", schema: webhookEndpointWithSecret },
    }),
  },
  "/v1/webhooks/{id}": {
    get: apiOperation({ operationId: "getWebhookEndpoint", tag, summary: "Get a webhook endpoint", path: endpointPath, success: { status: 200, description: "The endpoint", schema: webhookEndpoint } }),
    patch: apiOperation({ operationId: "updateWebhookEndpoint", tag, summary: "Update a webhook endpoint", path: endpointPath, body: updateWebhookEndpointInput, success: { status: 200, description: "The updated endpoint", schema: webhookEndpoint } }),
    delete: apiOperation({ operationId: "deleteWebhookEndpoint", tag, summary: "Delete a webhook endpoint", path: endpointPath, success: { status: 204, description: "Deleted" } }),
  },
  "/v1/webhooks/{id}/deliveries": {
    get: apiOperation({ operationId: "listEndpointDeliveries", tag, summary: "List an endpoint's deliveries", path: endpointPath, query: listDeliveriesQuery.omit({ endpointId: true }), success: { status: 200, description: "Deliveries, newest first", schema: webhookDeliveryPage } }),
  },
  "/v1/webhooks/{id}/rotate-secret": {
    post: apiOperation({
      operationId: "rotateWebhookSecret",
      tag,
      summary: "Rotate an endpoint's signing secret",
      description: "The previous secret keeps signing alongside the new one for `overlapHours` (default 24). The body is optional.",
      path: endpointPath,
      body: { required: false, content: { "application/json": { schema: rotateSecretInput } } },
      errors: [400, 413, 415, 422],
      success: { status: 200, description: "The endpoint and its new secret (shown only here)", schema: webhookEndpointWithSecret },
    }),
  },
  "/v1/webhooks/{id}/test": {
    post: apiOperation({ operationId: "sendTestEvent", tag, summary: "Send a test event", description: "Queues a `webhook.test` event to this endpoint only.", path: endpointPath, errors: [409], success: { status: 202, description: "Queued", schema: testEventSent } }),
  },
  "/v1/webhooks/deliveries": {
    get: apiOperation({ operationId: "listWebhookDeliveries", tag, summary: "List deliveries", description: "Every delivery of the account (endpoints and per-message callbacks), filterable.", query: listDeliveriesQuery, success: { status: 200, description: "Deliveries, newest first", schema: webhookDeliveryPage } }),
  },
  "/v1/webhooks/deliveries/{deliveryId}": {
    get: apiOperation({ operationId: "getWebhookDelivery", tag, summary: "Get a delivery", path: deliveryPath, success: { status: 200, description: "The delivery with its payload and every attempt", schema: webhookDeliveryDetail } }),
  },
  "/v1/webhooks/deliveries/{deliveryId}/replay": {
    post: apiOperation({ operationId: "replayWebhookDelivery", tag, summary: "Replay a delivery", description: "Sends a finished delivery again; 409 while it is still pending.", path: deliveryPath, errors: [409], success: { status: 202, description: "Queued again", schema: replayed } }),
  },
  "/v1/webhooks/deliveries/replay": {
    post: apiOperation({ operationId: "replayFailedDeliveries", tag, summary: "Replay failed deliveries", description: "Replays every failed delivery since a time, optionally of one endpoint.", body: replayFailedInput, success: { status: 202, description: "How many were queued again", schema: replayed } }),
  },
};
