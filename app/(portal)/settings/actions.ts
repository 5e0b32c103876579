"use server";

import { revalidatePath } from "next/cache";
import { updateAccountSettings } from "@/lib/accounts/get-account";
import { accountSettingsInput } from "@/lib/accounts/schemas";
import { requireUser } from "@/lib/auth/session";
import { formValues, validationFailed, type FormState } from "@/lib/form-state";

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
