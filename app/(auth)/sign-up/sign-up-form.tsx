"use client";

import { useActionState } from "react";
import { signUpAction } from "../actions";
import { FormMessage } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleFormState } from "@/lib/form-state";

export function SignUpForm() {
  const [state, formAction] = useActionState(signUpAction, idleFormState);
  return (
    <form action={formAction} className="mt-6 space-y-4" noValidate>
      <FormMessage state={state} />
      <Field id="accountName" label="Organisation name" errors={state.fieldErrors?.accountName}>
        <Input name="accountName" autoComplete="organization" required defaultValue={state.values?.accountName} />
      </Field>
      <Field id="name" label="Your name" errors={state.fieldErrors?.name}>
        <Input name="name" autoComplete="name" required defaultValue={state.values?.name} />
      </Field>
      <Field id="email" label="Work email" errors={state.fieldErrors?.email}>
        <Input name="email" type="email" autoComplete="email" required defaultValue={state.values?.email} />
      </Field>
      <Field id="password" label="Password" hint="At least 10 characters." errors={state.fieldErrors?.password}>
        <Input name="password" type="password" autoComplete="new-password" required minLength={10} />
      </Field>
      <SubmitButton className="w-full" pendingLabel="Creating account…">
        Create account
      </SubmitButton>
    </form>
  );
}
