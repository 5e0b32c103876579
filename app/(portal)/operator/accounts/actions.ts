"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { apiRateLimitText } from "@/lib/accounts/schemas";
import { setApiRateLimit } from "@/lib/accounts/set-api-rate-limit";
import { sessionAction } from "@/lib/auth/session-action";
import { topUpCredits } from "@/lib/credits/movements";
import { topUpAmountMinor } from "@/lib/credits/schemas";
import { formatMoney, parseMoney } from "@/lib/format";
import { pgText } from "@/lib/validation/pg-safe";

const topUpForm = z.object({
  accountId: z.uuid("Unknown account"),
  amount: z
    .string()
    .transform((text, context) => {
      const minor = parseMoney(text);
      if (minor === null) {
        context.addIssue({ code: "custom", message: "Enter an amount in KES, e.g. 1500 or 1500.50" });
        return z.NEVER;
      }
      return minor;
    })
    .pipe(topUpAmountMinor),
  description: pgText(z.string().trim().max(200)).optional(),
});

export const topUpAccountAction = sessionAction(
  async ({ user, formData }) => {
    const description = formData.get("description");
    const input = topUpForm.parse({
      accountId: formData.get("accountId"),
      amount: formData.get("amount") ?? "",
      description: typeof description === "string" && description.trim() !== "" ? description : undefined,
    });
    await topUpCredits(input.accountId, input.amount, { description: input.description ?? `Top-up by ${user.email}` });
    revalidatePath("/operator/accounts");
    return { status: "success", message: `Added ${formatMoney(input.amount)}.` };
  },
  { operator: true },
);

const rateLimitForm = z.object({ accountId: z.uuid("Unknown account"), rateLimit: apiRateLimitText });

export const setRateLimitAction = sessionAction(
  async ({ formData }) => {
    const input = rateLimitForm.parse({ accountId: formData.get("accountId"), rateLimit: formData.get("rateLimit") ?? "" });
    await setApiRateLimit(input.accountId, input.rateLimit);
    revalidatePath("/operator/accounts");
    return { status: "success", message: input.rateLimit === null ? "Rate limit back to the default." : `Rate limit set to ${input.rateLimit}/s.` };
  },
  { operator: true },
);
