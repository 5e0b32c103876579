import type { ZodOpenApiPathsObject } from "zod-openapi";
import { auditEventPage } from "@/lib/audit/responses";
import { listAuditEventsQuery } from "@/lib/audit/schemas";
import { apiOperation } from "@/lib/openapi/operation";

export const auditEventPaths: ZodOpenApiPathsObject = {
  "/v1/audit-events": {
    get: apiOperation({
      operationId: "listAuditEvents",
      tag: "Audit",
      summary: "List audit events",
      description: "Who changed what in the account (keys, webhooks, sender IDs, opt-outs, settings…), newest first; filter by `action` (repeatable) and time; page with `cursor`.",
      query: listAuditEventsQuery,
      success: { status: 200, description: "One page of audit events", schema: auditEventPage },
    }),
  },
};
