"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleFormState, type FormAction } from "@/lib/form-state";

export function AssignNumberForm({ accounts, action }: { accounts: { id: string; label: string }[]; action: FormAction }) {
  const [state, formAction] = useActionState(action, idleFormState);
  const kept = state.status === "error" ? state.values : undefined;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <Field id="assign-account" label="Account" hint="The newest 200 accounts; use smsctl number assign for others." errors={state.fieldErrors?.accountId}>
        <Select name="accountId" defaultValue={kept?.accountId ?? ""} options={[{ value: "", label: "Choose an account" }, ...accounts.map((account) => ({ value: account.id, label: account.label }))]} />
      </Field>
      <Field id="assign-number" label="Short code or number" hint="e.g. 22384, or 0709 123 456 for a long number." errors={state.fieldErrors?.number}>
        <Input name="number" maxLength={32} required defaultValue={kept?.number} />
      </Field>
      <Field id="assign-keyword" label="Keyword" optional hint="Shares a short code: only messages starting with this word reach the account." errors={state.fieldErrors?.keyword}>
        <Input name="keyword" maxLength={20} autoCapitalize="characters" defaultValue={kept?.keyword} />
      </Field>
      <label htmlFor="assign-zero-rated" className="flex items-center gap-2 text-sm text-slate-700">
        <input id="assign-zero-rated" type="checkbox" name="zeroRated" defaultChecked={kept?.zeroRated === "on"} className="h-4 w-4 rounded border-slate-300" />
        Zero-rated short code (STOP/START confirmations start off)
      </label>
      <SubmitButton pendingLabel="Assigning…">Assign number</SubmitButton>
    </form>
  );
}
