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
import { sessionAction } from "@/lib/auth/session-action";
import { updateAccountControls } from "@/lib/traffic/account-controls";
import { dailySpendLimitText, lowBalanceThresholdText, quietHoursForm } from "@/lib/traffic/schemas";
import { z } from "zod";

// Account settings and traffic controls need an admin (the wrappers' default); a password is anyone's own.
export const updateSettingsAction = sessionAction(async ({ user, formData, values }) => {
  const input = accountSettingsInput.parse({
    name: formData.get("name"),
    defaultCountry: formData.get("defaultCountry"),
    timezone: formData.get("timezone"),
  });
  await updateAccountSettings(user.accountId, input);
  // The account name is in the layout and the time zone formats every page.
  revalidatePath("/", "layout");
  return { status: "success", message: "Settings saved.", values };
});

const trafficControlsForm = z.object({ dailySpendLimit: dailySpendLimitText, lowBalanceThreshold: lowBalanceThresholdText });

export const updateTrafficControlsAction = sessionAction(async ({ user, formData, values }) => {
  const input = trafficControlsForm.parse({ dailySpendLimit: formData.get("dailySpendLimit") ?? "", lowBalanceThreshold: formData.get("lowBalanceThreshold") ?? "" });
  const quietHours = quietHoursForm.parse({ quietHoursStart: formData.get("quietHoursStart") ?? "", quietHoursEnd: formData.get("quietHoursEnd") ?? "" });
  await updateAccountControls(user.accountId, { ...input, quietHours });
  revalidatePath("/settings");
  return { status: "success", message: "Traffic controls saved.", values };
});

/** Any member may change their own password; their other sessions end, this browser is signed in again. */
export const changePasswordAction = sessionAction(async ({ user, formData }) => {
  const input = changePasswordInput.parse({ currentPassword: formData.get("currentPassword"), newPassword: formData.get("newPassword") });
  await changePassword({ ...input, userId: user.id, email: user.email, ip: clientIp(await headers()) });
  await signIn("credentials", { email: user.email, password: input.newPassword, redirect: false });
  // A fresh request, so the page renders with the new session cookie (this request still carries the revoked one).
  redirect("/settings?notice=password-changed");
}, { role: "member" });
