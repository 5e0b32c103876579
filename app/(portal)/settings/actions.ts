"use server";

import { revalidatePath } from "next/cache";
import { updateAccountSettings } from "@/lib/accounts/get-account";
import { accountSettingsInput } from "@/lib/accounts/schemas";
import { sessionAction } from "@/lib/auth/session-action";

export const updateSettingsAction = sessionAction(async ({ user, formData, values }) => {
  if (user.role === "member") return { status: "error", message: "Only the account owner or an admin can change settings.", values };
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
