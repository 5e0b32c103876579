"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleFormState, type FormAction } from "@/lib/form-state";

/** Approve, or reject with a reason, one pending sender ID. */
export function DecideSenderIdForm({ id, value, action }: { id: string; value: string; action: FormAction }) {
  const [state, formAction] = useActionState(action, idleFormState);
  return (
    <form action={formAction} className="space-y-2" aria-label={`Decide on ${value}`} noValidate>
      <input type="hidden" name="id" value={id} />
      <FormMessage state={state} />
      <Field id={`reason-${id}`} label="Reason (required to reject)" hint="Shown to the customer." errors={state.fieldErrors?.reason}>
        <Input name="reason" maxLength={300} defaultValue={state.status === "error" ? state.values?.reason : ""} />
      </Field>
      <div className="flex flex-wrap gap-2">
        <SubmitButton size="sm" name="decision" value="approved" aria-label={`Approve ${value}`}>
          Approve
        </SubmitButton>
        <SubmitButton size="sm" variant="danger" name="decision" value="rejected" aria-label={`Reject ${value}`}>
          Reject
        </SubmitButton>
      </div>
    </form>
  );
}
