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
    dailySpendLimit: minorUnits.nullable().meta({ description: "Most the account may reserve per calendar day in its time zone (minor units); null = no limit" }),
    spentToday: minorUnits.meta({ description: "Reserved so far today, the calendar day in the account's time zone (minor units)" }),
    remainingToday: minorUnits.nullable().meta({ description: "dailySpendLimit − spentToday, never below 0; null when there is no limit" }),
    quietHours: z
      .object({ start: z.string().meta({ example: "21:00" }), end: z.string().meta({ example: "07:00" }) })
      .nullable()
      .meta({ description: "Promotional messages are held inside this window (HH:MM, account time zone; may cross midnight); null = none" }),
    lowBalanceThreshold: minorUnits
      .nullable()
      .meta({ description: "When the balance falls below it, one portal notification and one `account.low_balance` event (minor units); null = off" }),
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
