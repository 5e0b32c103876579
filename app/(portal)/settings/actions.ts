"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { updateAccountSettings } from "@/lib/accounts/get-account";
import { accountSettingsInput } from "@/lib/accounts/schemas";
import { changePassword } from "@/lib/auth/change-password";
import { clientIp } from "@/lib/auth/client-ip";
import { signIn } from "@/lib/auth/next-auth";
import { changePasswordInput } from "@/lib/auth/schemas";
import { requireUser } from "@/lib/auth/session";
import { domainFailure, formValues, validationFailed, type FormState } from "@/lib/form-state";

export async function updateSettingsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const values = formValues(formData);
  if (user.role === "member") return { status: "error", message: "Only the account owner or an admin can change settings.", values };
  const parsed = accountSettingsInput.safeParse({
    name: formData.get("name"),
    defaultCountry: formData.get("defaultCountry"),
    timezone: formData.get("timezone"),
  });
  if (!parsed.success) return validationFailed(parsed.error, values);
  await updateAccountSettings(user.accountId, parsed.data);
  // The account name is in the layout and the time zone formats every page.
  revalidatePath("/", "layout");
  return { status: "success", message: "Settings saved.", values };
}

/** Any member may change their own password; their other sessions end, this browser is signed in again. */
export async function changePasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const values = formValues(formData);
  const parsed = changePasswordInput.safeParse({ currentPassword: formData.get("currentPassword"), newPassword: formData.get("newPassword") });
  if (!parsed.success) return validationFailed(parsed.error, values);
  try {
    await changePassword({ ...parsed.data, userId: user.id, email: user.email, ip: clientIp(await headers()) });
  } catch (error) {
    return domainFailure(error, values);
  }
  await signIn("credentials", { email: user.email, password: parsed.data.newPassword, redirect: false });
  // A fresh request, so the page renders with the new session cookie (this request still carries the revoked one).
  redirect("/settings?notice=password-changed");
}
