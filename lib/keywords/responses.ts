import { z } from "zod";
import { id, timestamp } from "@/lib/openapi/fields";
import { KEYWORD_ACTIONS } from "@/lib/keywords/schemas";

export const keyword = z
  .object({
    id,
    keyword: z.string().meta({ description: "Upper case; matched case-insensitively on the first word of an inbound message", example: "PROMO" }),
    action: z.enum(KEYWORD_ACTIONS).meta({ description: "`reply`: answer with `reply`; `opt_out` / `opt_in`: record consent (and confirm with `reply`, or the standard text)" }),
    reply: z.string().nullable(),
    number: z.string().nullable().meta({ description: "The inbound number it applies to; null for every number of the account", example: "22384" }),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: "Keyword" });

const standardKeyword = z.object({
  keyword: z.string().meta({ example: "STOP" }),
  action: z.enum(["opt_out", "opt_in", "help"]),
  overridden: z.boolean().meta({ description: "The account has its own keyword for this word (its text replaces the standard one)" }),
});

export const keywordList = z
  .object({
    data: z.array(keyword).meta({ description: "The account's keywords, alphabetical" }),
    standard: z.array(standardKeyword).meta({ description: "The standard keywords every account answers" }),
  })
  .meta({ id: "KeywordList" });
