import type { ZodOpenApiPathsObject } from "zod-openapi";
import { listOf } from "@/lib/openapi/fields";
import { apiOperation, uuidPath } from "@/lib/openapi/operation";
import { senderId } from "@/lib/sender-ids/responses";
import { requestSenderIdInput } from "@/lib/sender-ids/schemas";

export const senderIdPaths: ZodOpenApiPathsObject = {
  "/v1/sender-ids": {
    get: apiOperation({ operationId: "listSenderIds", tag: "Sender IDs", summary: "List sender IDs", success: { status: 200, description: "Every sender ID of the account", schema: listOf(senderId).meta({ id: "SenderIdList" }) } }),
    post: apiOperation({
      operationId: "requestSenderId",
      tag: "Sender IDs",
      summary: "Request a sender ID",
      description: "An operator approves or rejects it; only approved sender IDs can send.",
      body: requestSenderIdInput,
      errors: [409],
      success: { status: 201, description: "The pending request", schema: senderId },
    }),
  },
  "/v1/sender-ids/{id}": {
    get: apiOperation({ operationId: "getSenderId", tag: "Sender IDs", summary: "Get a sender ID", path: uuidPath("id"), success: { status: 200, description: "The sender ID", schema: senderId } }),
  },
};
