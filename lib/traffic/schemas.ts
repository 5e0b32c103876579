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

const localTime = z.string({ error: "must be a time HH:MM" }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a time HH:MM (00:00 to 23:59)");

/** Quiet hours in the account's time zone; the window may cross midnight but cannot be empty. */
export const quietHours = z
  .strictObject({ start: localTime, end: localTime })
  .refine((window) => window.start !== window.end, { message: "start and end must differ (an empty window)", path: ["end"] })
  .nullable();

/** A low-balance alert threshold in minor units; null turns the alert off. */
export const lowBalanceThreshold = z
  .number({ error: "lowBalanceThreshold must be a whole number of minor units (KES cents) or null" })
  .int("lowBalanceThreshold must be a whole number of minor units (KES cents)")
  .min(0, "lowBalanceThreshold cannot be negative")
  .max(MAX_DAILY_SPEND_LIMIT, `lowBalanceThreshold must be at most ${MAX_DAILY_SPEND_LIMIT}`)
  .nullable();

/** `PATCH /v1/account`: the traffic controls an account sets for itself; omitted fields stay as they are. */
export const accountControlsPatch = z
  .strictObject({ dailySpendLimit: dailySpendLimit.optional(), quietHours: quietHours.optional(), lowBalanceThreshold: lowBalanceThreshold.optional() })
  .refine((patch) => Object.keys(patch).length > 0, "Give at least one setting to change: dailySpendLimit, quietHours, lowBalanceThreshold");
export type AccountControlsPatch = z.infer<typeof accountControlsPatch>;

/** The Settings form's quiet hours: two HH:MM fields, both empty for none. */
export const quietHoursForm = z
  .object({ quietHoursStart: z.string().trim(), quietHoursEnd: z.string().trim() })
  .superRefine((form, context) => {
    if (form.quietHoursStart === "" && form.quietHoursEnd === "") return;
    for (const field of ["quietHoursStart", "quietHoursEnd"] as const) {
      if (!localTime.safeParse(form[field]).success) context.addIssue({ code: "custom", path: [field], message: "Enter a time as HH:MM, e.g. 21:00" });
    }
    if (form.quietHoursStart === form.quietHoursEnd) context.addIssue({ code: "custom", path: ["quietHoursEnd"], message: "Start and end must differ" });
  })
  .transform((form) => (form.quietHoursStart === "" && form.quietHoursEnd === "" ? null : { start: form.quietHoursStart, end: form.quietHoursEnd }));

/** A Settings amount in KES (e.g. 500 or 500.50), empty for none, checked as `minorUnits`. */
function kesAmountText<S extends z.ZodType<number | null, number | null>>(minorUnits: S) {
  return z
    .string()
    .trim()
    .transform((text, context) => {
      if (text === "") return null;
      const minor = parseMoney(text);
      if (minor === null) {
        context.addIssue({ code: "custom", message: "Enter an amount in KES, e.g. 500 or 500.50, or leave empty for none" });
        return z.NEVER;
      }
      return minor;
    })
    .pipe(minorUnits);
}

export const dailySpendLimitText = kesAmountText(dailySpendLimit);
export const lowBalanceThresholdText = kesAmountText(lowBalanceThreshold);
