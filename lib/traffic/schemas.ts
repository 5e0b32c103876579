import { z } from "zod";
import { parseMoney } from "@/lib/format";

/** A daily spend limit at most this many minor units (KES 1,000,000,000): anything larger is a slip. */
export const MAX_DAILY_SPEND_LIMIT = 100_000_000_000;

/** A daily spend limit in minor units, like every amount in the API; null removes it. */
export const dailySpendLimit = z
  .number({ error: "dailySpendLimit must be a whole number of minor units (KES cents) or null" })
  .int("dailySpendLimit must be a whole number of minor units (KES cents)")
  .min(0, "dailySpendLimit cannot be negative")
  .max(MAX_DAILY_SPEND_LIMIT, `dailySpendLimit must be at most ${MAX_DAILY_SPEND_LIMIT} (KES 1,000,000,000)`)
  .nullable();

/** `PATCH /v1/account`: the traffic controls an account sets for itself; omitted fields stay as they are. */
export const accountControlsPatch = z
  .strictObject({ dailySpendLimit: dailySpendLimit.optional() })
  .refine((patch) => Object.keys(patch).length > 0, "Give at least one setting to change: dailySpendLimit");
export type AccountControlsPatch = z.infer<typeof accountControlsPatch>;

/** The Settings form's limit: an amount in KES (e.g. 500 or 500.50), empty for no limit. */
export const dailySpendLimitText = z
  .string()
  .trim()
  .transform((text, context) => {
    if (text === "") return null;
    const minor = parseMoney(text);
    if (minor === null) {
      context.addIssue({ code: "custom", message: "Enter an amount in KES, e.g. 500 or 500.50, or leave empty for no limit" });
      return z.NEVER;
    }
    return minor;
  })
  .pipe(dailySpendLimit);
