import { z } from "zod";
import { id, minorUnits, timestamp } from "@/lib/openapi/fields";

export const accountSummary = z
  .object({
    id,
    name: z.string(),
    defaultCountry: z.string().meta({ description: "ISO 3166-1 alpha-2 country of numbers given without a country code", example: "KE" }),
    timezone: z.string().meta({ example: "Africa/Nairobi" }),
    status: z.string().meta({ example: "active" }),
    createdAt: timestamp,
    pricingTier: z.object({ name: z.string(), currency: z.string() }).nullable(),
  })
  .meta({ id: "Account" });

export const balance = z
  .object({
    currency: z.string().meta({ example: "KES" }),
    balance: minorUnits.meta({ description: "Available to spend (minor units)" }),
    reserved: minorUnits.meta({ description: "Held for messages not yet final (minor units)" }),
    spent: minorUnits,
    toppedUp: minorUnits.meta({ description: "Every top-up ever: toppedUp = balance + reserved + spent" }),
  })
  .meta({ id: "Balance" });
