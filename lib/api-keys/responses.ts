import { z } from "zod";
import { id, nullableTimestamp, timestamp } from "@/lib/openapi/fields";

export const apiKey = z
  .object({
    id,
    name: z.string(),
    prefix: z.string().meta({ description: "The first characters of the key, to recognise it", example: "sl_live_5VqxOk" }),
    lastUsedAt: nullableTimestamp,
    expiresAt: nullableTimestamp,
    revokedAt: nullableTimestamp,
    createdAt: timestamp,
  })
  .meta({ id: "ApiKey" });

export const issuedApiKey = z
  .object({
    id,
    name: z.string(),
    prefix: z.string(),
    createdAt: timestamp,
    key: z.string().meta({ description: "The secret key; shown only in this response" }),
    replaces: id.optional().meta({ description: "The rotated key, which keeps working for the grace period" }),
  })
  .meta({ id: "IssuedApiKey" });
