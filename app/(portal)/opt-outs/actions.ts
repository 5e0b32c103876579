"use server";

import { revalidatePath } from "next/cache";
import { getAccountSummary } from "@/lib/accounts/get-account";
import { requireUser } from "@/lib/auth/session";
import { domainFailure, formValues, validationFailed, type FormState } from "@/lib/form-state";
import { optInPhone, optOutPhone } from "@/lib/opt-outs/manage-opt-outs";
import { optOutInput } from "@/lib/opt-outs/schemas";

export async function addOptOutAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const values = formValues(formData);
  const parsed = optOutInput.safeParse({ phone: formData.get("phone") });
  if (!parsed.success) return validationFailed(parsed.error, values);
  try {
    const account = await getAccountSummary(user.accountId);
    const { optOut, created } = await optOutPhone(user.accountId, parsed.data.phone, account.defaultCountry, { source: "portal", userId: user.id });
    revalidatePath("/opt-outs");
    return { status: "success", message: created ? `${optOut.phone} is opted out: it will not be sent your messages.` : `${optOut.phone} was already opted out; the request is recorded.` };
  } catch (error) {
    return domainFailure(error, values);
  }
}

export async function optBackInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const parsed = optOutInput.safeParse({ phone: formData.get("phone") });
  if (!parsed.success) return { status: "error", message: "That number is no longer listed." };
  try {
    const account = await getAccountSummary(user.accountId);
    const result = await optInPhone(user.accountId, parsed.data.phone, account.defaultCountry, { source: "portal", userId: user.id });
    revalidatePath("/opt-outs");
    return { status: "success", message: `${result.phone} is opted back in; the change is recorded in its history.` };
  } catch (error) {
    return domainFailure(error, {});
  }
}
