"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleFormState, type FormAction } from "@/lib/form-state";

export function AddOptOutForm({ action }: { action: FormAction }) {
  const [state, formAction] = useActionState(action, idleFormState);
  const kept = state.status === "error" ? state.values : undefined;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <Field id="opt-out-phone" label="Phone number" hint="Any format you send to, e.g. 0712 345 678." errors={state.fieldErrors?.phone}>
        <Input name="phone" inputMode="tel" autoComplete="off" required defaultValue={kept?.phone} />
      </Field>
      <SubmitButton pendingLabel="Adding…">Add opt-out</SubmitButton>
    </form>
  );
}
