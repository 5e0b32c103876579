import { z } from "zod";
import { createDocument, type ZodOpenApiPathsObject } from "zod-openapi";
import { accountPaths } from "@/lib/openapi/operations/account";
import { auditEventPaths } from "@/lib/openapi/operations/audit-events";
import { campaignPaths } from "@/lib/openapi/operations/campaigns";
import { contactListPaths } from "@/lib/openapi/operations/contact-lists";
import { documentPaths } from "@/lib/openapi/operations/document";
import { inboundPaths } from "@/lib/openapi/operations/inbound";
import { keywordPaths } from "@/lib/openapi/operations/keywords";
import { messagePaths } from "@/lib/openapi/operations/messages";
import { optOutPaths } from "@/lib/openapi/operations/opt-outs";
import { senderIdPaths } from "@/lib/openapi/operations/sender-ids";
import { webhookPaths } from "@/lib/openapi/operations/webhooks";
import { webhookPayloads } from "@/lib/openapi/webhook-payloads";

/**
 * Every documented /v1 path. A new route adds its operations in lib/openapi/operations/<resource>.ts
 * and spreads them here; tests/integration/openapi/coverage.test.ts fails for a route file without one.
 */
const PATHS: ZodOpenApiPathsObject = {
  ...messagePaths,
  ...campaignPaths,
  ...contactListPaths,
  ...senderIdPaths,
  ...webhookPaths,
  ...inboundPaths,
  ...keywordPaths,
  ...optOutPaths,
  ...accountPaths,
  ...auditEventPaths,
  ...documentPaths,
};

const DESCRIPTION = `The Sema Link SMS gateway API.

Authenticate with an API key from the portal (Settings → API keys): \`Authorization: Bearer sl_live_…\`.
Money is in integer minor units (KES cents). Errors are always \`{ "error": { "code", "message", "details" } }\`;
\`code\` is stable, \`details\` (when present) names the fields at fault. Status changes arrive by webhook
(see *Webhooks*), signed as [Standard Webhooks](https://www.standardwebhooks.com).`;

const rateLimitHeader = (description: string) => z.int().min(0).optional().meta({ description });

export type OpenApiDocument = ReturnType<typeof createDocument>;

let cached: OpenApiDocument | undefined;

/** The OpenAPI 3.1 document, built once per process from the zod schemas. */
export function openApiDocument(): OpenApiDocument {
  cached ??= createDocument(
    {
      openapi: "3.1.0",
      info: {
        title: "Sema Link API",
        version: "1.0.0",
        description: DESCRIPTION,
        license: { name: "Proprietary", identifier: "LicenseRef-Proprietary" },
      },
      servers: [{ url: "/", description: "This server" }],
      security: [{ apiKey: [] }],
      tags: [
        { name: "Messages", description: "Send single SMS and follow them" },
        { name: "Campaigns", description: "Send to a contact list, now or later" },
        { name: "Contact lists", description: "Upload and validate recipients" },
        { name: "Sender IDs", description: "The names messages come from" },
        { name: "Webhooks", description: "Endpoints that receive events, and their deliveries" },
        { name: "API keys", description: "Keys that authenticate these calls" },
        { name: "Inbound", description: "Messages people send to the account's numbers, and those numbers" },
        { name: "Keywords", description: "Words that trigger automatic replies, opt-outs and opt-ins" },
        { name: "Opt-outs", description: "Phones that asked not to be messaged, and their consent history" },
        { name: "Account", description: "The account and its credit" },
        { name: "Audit", description: "Who changed what in the account" },
        { name: "Reference", description: "This document" },
        { name: "Webhook events", description: "What Sema Link POSTs to your webhook endpoints and callback URLs" },
      ],
      paths: PATHS,
      webhooks: webhookPayloads(),
      components: {
        securitySchemes: {
          apiKey: { type: "http", scheme: "bearer", bearerFormat: "API key", description: "An API key from the portal, `sl_live_…`" },
        },
        headers: {
          "RateLimit-Limit": rateLimitHeader("Requests allowed per window for this API key"),
          "RateLimit-Remaining": rateLimitHeader("Requests left in the current window"),
          "RateLimit-Reset": rateLimitHeader("Seconds until the window resets"),
          "Retry-After": rateLimitHeader("Seconds to wait before retrying"),
        },
      },
    },
  );
  return cached;
}
