import { z } from "zod";
import { id, listOf, timestamp } from "@/lib/openapi/fields";

export const inboundNumber = z
  .object({
    id,
    accountId: id,
    number: z.string().meta({ description: "A short code in digits or a long number in E.164", example: "22384" }),
    keyword: z.string().nullable().meta({ description: "On a shared short code, the first word that routes messages to this account; null: every message to the number" }),
    kind: z.enum(["short_code", "long_number"]),
    zeroRated: z.boolean().meta({ description: "Replies cost the subscriber nothing" }),
    sendConfirmations: z.boolean().meta({ description: "Whether STOP and START get a confirmation reply" }),
    createdAt: timestamp,
  })
  .meta({ id: "InboundNumber" });

export const inboundNumberList = listOf(inboundNumber).meta({ id: "InboundNumberList" });
