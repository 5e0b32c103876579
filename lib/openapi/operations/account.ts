import type { ZodOpenApiPathsObject } from "zod-openapi";
import { accountSummary, balance } from "@/lib/accounts/responses";
import { apiKey, issuedApiKey } from "@/lib/api-keys/responses";
import { createApiKeyInput, rotateApiKeyInput } from "@/lib/api-keys/schemas";
import { listOf } from "@/lib/openapi/fields";
import { apiOperation, uuidPath } from "@/lib/openapi/operation";
import { accountControlsPatch } from "@/lib/traffic/schemas";

export const accountPaths: ZodOpenApiPathsObject = {
  "/v1/account": {
    get: apiOperation({
      operationId: "getAccount",
      tag: "Account",
      summary: "Get the account",
      description: "The account with its traffic controls and today's spend against its daily limit.",
      success: { status: 200, description: "The account the key belongs to", schema: accountSummary },
    }),
    patch: apiOperation({
      operationId: "updateAccount",
      tag: "Account",
      summary: "Change the traffic controls",
      description:
        "Sets `dailySpendLimit`, `quietHours` or `lowBalanceThreshold`; omitted fields stay as they are, `null` removes a control. New quiet hours re-plan promotional messages already held.",
      body: accountControlsPatch,
      success: { status: 200, description: "The account, as `GET /v1/account` answers it", schema: accountSummary },
    }),
  },
  "/v1/balance": {
    get: apiOperation({ operationId: "getBalance", tag: "Account", summary: "Get the balance", success: { status: 200, description: "Credit in minor units", schema: balance } }),
  },
  "/v1/api-keys": {
    get: apiOperation({ operationId: "listApiKeys", tag: "API keys", summary: "List API keys", success: { status: 200, description: "Every key of the account", schema: listOf(apiKey).meta({ id: "ApiKeyList" }) } }),
    post: apiOperation({
      operationId: "createApiKey",
      tag: "API keys",
      summary: "Create an API key",
      body: createApiKeyInput,
      success: { status: 201, description: "The new key; `key` is shown only here", schema: issuedApiKey },
    }),
  },
  "/v1/api-keys/{id}": {
    delete: apiOperation({ operationId: "revokeApiKey", tag: "API keys", summary: "Revoke an API key", path: uuidPath("id"), success: { status: 200, description: "The revoked key", schema: apiKey } }),
  },
  "/v1/api-keys/{id}/rotate": {
    post: apiOperation({
      operationId: "rotateApiKey",
      tag: "API keys",
      summary: "Rotate an API key",
      description: "Issues a replacement; the old key keeps working for `graceHours` (default 24). The body is optional.",
      path: uuidPath("id"),
      body: { required: false, content: { "application/json": { schema: rotateApiKeyInput } } },
      errors: [400, 409, 413, 415, 422],
      success: { status: 201, description: "The replacement key; `key` is shown only here", schema: issuedApiKey },
    }),
  },
};
