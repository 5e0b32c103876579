import { z } from "zod";
import { pgText } from "@/lib/validation/pg-safe";
import { keywordValue } from "@/lib/inbound-numbers/schemas";

export const KEYWORD_ACTIONS = ["reply", "opt_out", "opt_in"] as const;
export type KeywordActionValue = (typeof KEYWORD_ACTIONS)[number];

/** Longest automatic reply: six GSM-7 segments. */
export const MAX_REPLY_CHARACTERS = 918;

const reply = pgText(z.string().trim().max(MAX_REPLY_CHARACTERS, `must be at most ${MAX_REPLY_CHARACTERS} characters`))
  .transform((value) => (value === "" ? null : value))
  .nullable();

/** One of the account's inbound numbers, or null/absent for every number of the account. */
const number = pgText(z.string().trim().max(32)).transform((value) => (value === "" ? null : value)).nullable();

export const createKeywordInput = z.object({
  keyword: keywordValue,
  action: z.enum(KEYWORD_ACTIONS, { error: `must be one of: ${KEYWORD_ACTIONS.join(", ")}` }),
  reply: reply.optional(),
  number: number.optional(),
});
export type CreateKeywordInput = z.output<typeof createKeywordInput>;

export const updateKeywordInput = createKeywordInput
  .partial()
  .refine((value) => Object.values(value).some((field) => field !== undefined), { message: "Nothing to update" });
export type UpdateKeywordInput = z.output<typeof updateKeywordInput>;
