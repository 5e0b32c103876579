import { z } from "zod";
import { id, nullableTimestamp, pageOf, timestamp } from "@/lib/openapi/fields";

/** What an inbound message's keyword did. */
export const inboundAction = z
  .enum(["reply", "opt_out", "opt_in", "help"])
  .nullable()
  .meta({ description: "What the keyword did; null when no keyword matched" });

export const inboundMessage = z
  .object({
    id,
    from: z.string().meta({ description: "The sender in E.164, or as received when it is not a phone number", example: "+254712345678" }),
    to: z.string().meta({ description: "The account's number it was sent to", example: "22384" }),
    body: z.string(),
    keyword: z.string().nullable().meta({ description: "The keyword that matched (upper case)", example: "STOP" }),
    action: inboundAction,
    replyError: z.string().nullable().meta({ description: "Why the automatic reply could not be sent (e.g. insufficient credits)" }),
    provider: z.string(),
    providerMessageId: z.string().nullable(),
    receivedAt: timestamp,
    createdAt: timestamp,
    readAt: nullableTimestamp.meta({ description: "When it was read in the portal's inbox" }),
  })
  .meta({ id: "InboundMessage" });

export const inboundMessagePage = pageOf(inboundMessage, z.string()).meta({ id: "InboundMessagePage" });
