import { z } from "zod";
import { AuditActorType } from "@/lib/generated/prisma/enums";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { anyJson, id, pageOf, timestamp } from "@/lib/openapi/fields";

export const auditEvent = z
  .object({
    id: z.string().meta({ description: "Sequence number of the event", example: "1042" }),
    action: z.enum(AUDIT_ACTIONS),
    actor: z.object({
      type: z.enum(AuditActorType),
      id: z.string().nullable().meta({ description: "The user's or API key's id" }),
      label: z.string().nullable().meta({ description: "The user's email or the API key's name, as it was then" }),
    }),
    target: z.object({ type: z.string().nullable().meta({ example: "api_key" }), id: z.string().nullable() }),
    accountId: id.nullable(),
    before: anyJson.meta({ description: "The state before the change (secrets redacted); null when none" }),
    after: anyJson.meta({ description: "The state after the change (secrets redacted); null when none" }),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    requestId: z.string().nullable(),
    createdAt: timestamp,
  })
  .meta({ id: "AuditEvent" });

export const auditEventPage = pageOf(auditEvent, z.string()).meta({ id: "AuditEventPage" });
