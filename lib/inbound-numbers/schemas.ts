import { z } from "zod";
import { MAX_KEYWORD_LENGTH, normaliseKeyword } from "@/lib/keywords/keyword-text";
import { standardAction } from "@/lib/keywords/standard-keywords";
import { normaliseInboundNumber } from "@/lib/inbound-numbers/normalise-number";

/** A short code or long number as an operator or customer types it, in its stored form. */
export const inboundNumberValue = z
  .string()
  .trim()
  .min(1, "is required")
  .max(32)
  .transform((value, context) => {
    const normalised = normaliseInboundNumber(value);
    if (!normalised) {
      context.addIssue({ code: "custom", message: "must be a short code (3–8 digits) or a phone number" });
      return z.NEVER;
    }
    return normalised;
  });

/** One keyword (letters or digits), stored upper case. */
export const keywordValue = z
  .string()
  .trim()
  .min(1, "is required")
  .max(MAX_KEYWORD_LENGTH, `must be at most ${MAX_KEYWORD_LENGTH} characters`)
  .transform((value, context) => {
    const keyword = normaliseKeyword(value);
    if (!keyword) {
      context.addIssue({ code: "custom", message: "must be one word of letters or digits" });
      return z.NEVER;
    }
    return keyword;
  });

export const assignInboundNumberInput = z.object({
  accountId: z.string().uuid("must be an account id"),
  number: inboundNumberValue,
  /** Splits a shared short code: only messages whose first word is this keyword reach the account. */
  keyword: keywordValue
    .refine((keyword) => standardAction(keyword) === null, "STOP, START, HELP and the other standard keywords belong to every account, not one")
    .optional(),
  zeroRated: z.boolean().default(false),
});
export type AssignInboundNumberInput = z.output<typeof assignInboundNumberInput>;

export const releaseInboundNumberInput = z.object({
  number: inboundNumberValue,
  keyword: keywordValue.optional(),
});
export type ReleaseInboundNumberInput = z.output<typeof releaseInboundNumberInput>;

export const updateInboundNumberInput = z.object({
  sendConfirmations: z.boolean({ error: "must be true or false" }),
});
export type UpdateInboundNumberInput = z.output<typeof updateInboundNumberInput>;
