import { z } from "zod";
import { pgText } from "@/lib/validation/pg-safe";

export const COUNTRIES = [
  { code: "KE", name: "Kenya" },
  { code: "UG", name: "Uganda" },
  { code: "TZ", name: "Tanzania" },
  { code: "RW", name: "Rwanda" },
] as const;

export const countryCode = z.enum(COUNTRIES.map((country) => country.code) as ["KE", "UG", "TZ", "RW"]);

export const timezone = pgText(z.string().min(1).max(100))
  .refine((value) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: value });
      return true;
    } catch {
      return false;
    }
  }, "Unknown time zone");

export const email = pgText(z.string().trim().toLowerCase().email("Enter a valid email address").max(200));
export const password = z.string().min(10, "Password must be at least 10 characters").max(200);

export const signUpInput = z.object({
  accountName: pgText(z.string().trim().min(2, "Organisation name is required").max(100)),
  name: pgText(z.string().trim().min(1, "Your name is required").max(100)),
  email,
  password,
});
export type SignUpInput = z.infer<typeof signUpInput>;

export const signInInput = z.object({ email, password: z.string().min(1, "Password is required") });

export const accountSettingsInput = z.object({
  name: pgText(z.string().trim().min(2, "Account name is required").max(100)),
  defaultCountry: countryCode,
  timezone,
});
export type AccountSettingsInput = z.infer<typeof accountSettingsInput>;

/** An operator's per-account /v1 rate limit, requests per second; null returns to the configured default. */
export const MAX_API_RATE_LIMIT = 100_000;
export const apiRateLimit = z
  .number({ error: "Rate limit must be a whole number of requests per second" })
  .int("Rate limit must be a whole number of requests per second")
  .min(1, "Rate limit must be at least 1 request per second")
  .max(MAX_API_RATE_LIMIT, `Rate limit must be at most ${MAX_API_RATE_LIMIT} requests per second`)
  .nullable();

/** A rate limit typed into a form or the CLI: a whole number, or empty / "none" / "default" for the default. */
export const apiRateLimitText = z
  .string()
  .trim()
  .transform((text, context) => {
    if (text === "" || text === "none" || text === "default") return null;
    if (!/^\d{1,9}$/.test(text)) {
      context.addIssue({ code: "custom", message: "Rate limit must be a whole number of requests per second" });
      return z.NEVER;
    }
    return Number(text);
  })
  .pipe(apiRateLimit);
