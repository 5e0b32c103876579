import { z } from "zod";
import { id, nullableTimestamp, timestamp } from "@/lib/openapi/fields";

export const senderId = z
  .object({
    id,
    value: z.string().meta({ example: "ACME" }),
    status: z.enum(["pending", "approved", "rejected"]),
    purpose: z.string().nullable(),
    reason: z.string().nullable().meta({ description: "Why it was rejected (or a note on approval)" }),
    createdAt: timestamp,
    decidedAt: nullableTimestamp,
  })
  .meta({ id: "SenderId" });
