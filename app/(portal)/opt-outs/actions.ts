"use server";

import { revalidatePath } from "next/cache";
import { getAccountSummary } from "@/lib/accounts/get-account";
import { sessionAction } from "@/lib/auth/session-action";
import { optInPhone, optOutPhone } from "@/lib/opt-outs/manage-opt-outs";
import { optOutInput } from "@/lib/opt-outs/schemas";

export const addOptOutAction = sessionAction(async ({ user, formData }) => {
  const { phone } = optOutInput.parse({ phone: formData.get("phone") });
  const account = await getAccountSummary(user.accountId);
  const { optOut, created } = await optOutPhone(user.accountId, phone, account.defaultCountry, { source: "portal", userId: user.id });
  revalidatePath("/opt-outs");
  return { status: "success", message: created ? `${optOut.phone} is opted out: it will not be sent your messages.` : `${optOut.phone} was already opted out; the request is recorded.` };
}, { role: "member" });

export const optBackInAction = sessionAction(async ({ user, formData }) => {
  const { phone } = optOutInput.parse({ phone: formData.get("phone") });
  const account = await getAccountSummary(user.accountId);
  const result = await optInPhone(user.accountId, phone, account.defaultCountry, { source: "portal", userId: user.id });
  revalidatePath("/opt-outs");
  return { status: "success", message: `${result.phone} is opted back in; the change is recorded in its history.` };
}, { role: "member" });
