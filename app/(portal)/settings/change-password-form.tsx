"use client";

import { useActionState } from "react";
import { changePasswordAction } from "./actions";
import { FormMessage } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleFormState } from "@/lib/form-state";

export function ChangePasswordForm() {
  const [state, formAction] = useActionState(changePasswordAction, idleFormState);
  return (
    <form action={formAction} className="max-w-lg space-y-4" noValidate>
      <FormMessage state={state} />
      <Field id="current-password" label="Current password" errors={state.fieldErrors?.currentPassword}>
        <Input name="currentPassword" type="password" autoComplete="current-password" required />
      </Field>
      <Field id="new-password" label="New password" hint="At least 10 characters. Signs you out everywhere else." errors={state.fieldErrors?.newPassword}>
        <Input name="newPassword" type="password" autoComplete="new-password" required minLength={10} />
      </Field>
      <SubmitButton pendingLabel="Changing…">Change password</SubmitButton>
    </form>
  );
}
