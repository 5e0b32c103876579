"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleFormState, type FormAction } from "@/lib/form-state";

/** Operator: add prepaid credit to one account (compact, for a table row). */
export function TopUpForm({ accountId, accountName, action }: { accountId: string; accountName: string; action: FormAction }) {
  const [state, formAction] = useActionState(action, idleFormState);
  const kept = state.status === "error" ? state.values : undefined;
  return (
    <form action={formAction} className="space-y-2" aria-label={`Top up ${accountName}`} noValidate>
      <input type="hidden" name="accountId" value={accountId} />
      <div className="flex items-start gap-2">
        <Field id={`amount-${accountId}`} label={`Amount in KES for ${accountName}`} hideLabel errors={state.fieldErrors?.amount} className="w-28">
          <Input name="amount" inputMode="decimal" required placeholder="KES 1500.00" defaultValue={kept?.amount} />
        </Field>
        <Field id={`note-${accountId}`} label={`Note for ${accountName}`} hideLabel errors={state.fieldErrors?.description} className="w-36">
          <Input name="description" maxLength={200} placeholder="Note (optional)" defaultValue={kept?.description} />
        </Field>
        <SubmitButton pendingLabel="Adding…" aria-label={`Top up ${accountName}`}>
          Top up
        </SubmitButton>
      </div>
      {state.status === "success" ? <FormMessage state={state} /> : null}
    </form>
  );
}
