"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { Textarea } from "@/components/ui/textarea";
import { idleFormState, type FormAction } from "@/lib/form-state";

export function RequestSenderIdForm({ action }: { action: FormAction }) {
  const [state, formAction] = useActionState(action, idleFormState);
  const kept = state.status === "error" ? state.values : undefined;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <Field
        id="sender-id-value"
        label="Sender ID"
        hint="What recipients see as the sender: up to 11 letters/digits (e.g. ACMEBANK), or a number of up to 15 digits."
        errors={state.fieldErrors?.value}
      >
        <Input name="value" maxLength={15} required autoCapitalize="characters" defaultValue={kept?.value} />
      </Field>
      <Field id="sender-id-purpose" label="Purpose" optional hint="What you will send with it; helps the review." errors={state.fieldErrors?.purpose}>
        <Textarea name="purpose" rows={3} maxLength={300} defaultValue={kept?.purpose} />
      </Field>
      <SubmitButton pendingLabel="Requesting…">Request sender ID</SubmitButton>
    </form>
  );
}
