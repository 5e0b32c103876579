import { z } from "zod";
import { ConsentSource } from "@/lib/generated/prisma/enums";
import { id, nullableTimestamp, pageOf, timestamp } from "@/lib/openapi/fields";

const phone = z.string().meta({ description: "E.164", example: "+254712345678" });
const optOutSource = z.string().meta({ description: "How the opt-out arrived: `inbound_keyword`, `api`, `portal` or `import`", example: "inbound_keyword" });

export const optOut = z.object({ phone, source: optOutSource, optedOutAt: timestamp }).meta({ id: "OptOut" });

export const optOutPage = pageOf(optOut, z.string()).meta({ id: "OptOutPage" });

export const optOutStatus = z
  .object({ phone, optedOut: z.boolean(), optedOutAt: nullableTimestamp, source: optOutSource.nullable() })
  .meta({ id: "OptOutStatus" });

export const optedIn = z.object({ phone, optedOut: z.literal(false) }).meta({ id: "OptedIn" });

const consentEvent = z.object({
  id: z.string().meta({ description: "Sequence number of the event", example: "42" }),
  action: z.enum(["opt_out", "opt_in"]),
  source: z.enum(ConsentSource),
  inboundMessageId: id.nullable().meta({ description: "The inbound message that carried the keyword (source `inbound_keyword`)" }),
  apiKeyId: id.nullable().meta({ description: "The API key that made the change (source `api`)" }),
  userId: id.nullable().meta({ description: "The portal user who made the change (source `portal` or `import`)" }),
  at: timestamp,
});

export const consentHistory = z
  .object({
    phone,
    optedOut: z.boolean(),
    optedOutAt: nullableTimestamp,
    events: z.array(consentEvent).meta({ description: "Every opt-out and opt-in of the phone, oldest first (at most 1,000)" }),
  })
  .meta({ id: "ConsentHistory" });
