"use client";

import { useActionState, useState, type FormEvent } from "react";
import { FormMessage } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { formatMoney, parseMoney } from "@/lib/format";
import { idleFormState, type FormAction } from "@/lib/form-state";

/**
 * Operator: add prepaid credit to one account (compact, for a table row). Money moves only after a
 * second, explicit confirmation that repeats the amount and the account; an amount that does not
 * parse goes straight to the server, which explains what is wrong.
 */
export function TopUpForm({ accountId, accountName, action }: { accountId: string; accountName: string; action: FormAction }) {
  const [state, formAction] = useActionState(action, idleFormState);
  const [confirming, setConfirming] = useState<number | null>(null);
  const kept = state.status === "error" ? state.values : undefined;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (confirming !== null) {
      setConfirming(null);
      return;
    }
    const amount = parseMoney(String(new FormData(event.currentTarget).get("amount") ?? ""));
    if (amount === null || amount <= 0) return;
    event.preventDefault();
    setConfirming(amount);
  }

  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-2" aria-label={`Top up ${accountName}`} noValidate>
      <input type="hidden" name="accountId" value={accountId} />
      <div className="flex items-start gap-2">
        <Field id={`amount-${accountId}`} label={`Amount in KES for ${accountName}`} hideLabel errors={state.fieldErrors?.amount} className="w-28">
          <Input name="amount" inputMode="decimal" required placeholder="KES 1500.00" defaultValue={kept?.amount} readOnly={confirming !== null} />
        </Field>
        <Field id={`note-${accountId}`} label={`Note for ${accountName}`} hideLabel errors={state.fieldErrors?.description} className="w-36">
          <Input name="description" maxLength={200} placeholder="Note (optional)" defaultValue={kept?.description} readOnly={confirming !== null} />
        </Field>
        {confirming === null ? (
          <SubmitButton pendingLabel="Adding…" aria-label={`Top up ${accountName}`}>
            Top up
          </SubmitButton>
        ) : null}
      </div>
      {confirming !== null ? (
        <div role="group" aria-label={`Confirm top-up of ${accountName}`} className="flex flex-wrap items-center gap-2">
          <span className="text-sm text-slate-700">
            Add {formatMoney(confirming)} to {accountName}?
          </span>
          <SubmitButton size="sm" pendingLabel="Adding…" autoFocus>
            Confirm top-up
          </SubmitButton>
          <Button size="sm" variant="ghost" onClick={() => setConfirming(null)}>
            Cancel
          </Button>
        </div>
      ) : null}
      {state.status === "success" ? <FormMessage state={state} /> : null}
    </form>
  );
}
