"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireOperator } from "@/lib/auth/session";
import { topUpCredits } from "@/lib/credits/movements";
import { topUpAmountMinor } from "@/lib/credits/schemas";
import { domainFailure, formValues, validationFailed, type FormState } from "@/lib/form-state";
import { formatMoney, parseMoney } from "@/lib/format";

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
  description: z.string().trim().max(200).optional(),
});

export async function topUpAccountAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const operator = await requireOperator();
  const values = formValues(formData);
  const description = formData.get("description");
  const parsed = topUpForm.safeParse({
    accountId: formData.get("accountId"),
    amount: formData.get("amount") ?? "",
    description: typeof description === "string" && description.trim() !== "" ? description : undefined,
  });
  if (!parsed.success) return validationFailed(parsed.error, values);
  try {
    await topUpCredits(parsed.data.accountId, parsed.data.amount, { description: parsed.data.description ?? `Top-up by ${operator.email}` });
  } catch (error) {
    return domainFailure(error, values);
  }
  revalidatePath("/operator/accounts");
  return { status: "success", message: `Added ${formatMoney(parsed.data.amount)}.` };
}
