"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleFormState, type FormAction } from "@/lib/form-state";

/** Operator: an account's /v1 rate limit in requests per second; empty = the configured default. */
export function RateLimitForm({ accountId, accountName, current, action }: { accountId: string; accountName: string; current: number | null; action: FormAction }) {
  const [state, formAction] = useActionState(action, idleFormState);
  const kept = state.status === "error" ? state.values : undefined;
  return (
    <form action={formAction} className="space-y-2" aria-label={`API rate limit of ${accountName}`} noValidate>
      <input type="hidden" name="accountId" value={accountId} />
      <div className="flex items-start gap-2">
        <Field id={`rate-limit-${accountId}`} label={`Requests per second for ${accountName}`} hideLabel errors={state.fieldErrors?.rateLimit} className="w-28">
          <Input name="rateLimit" inputMode="numeric" placeholder="Default" defaultValue={kept?.rateLimit ?? (current === null ? "" : String(current))} />
        </Field>
        <SubmitButton pendingLabel="Saving…" aria-label={`Set the API rate limit of ${accountName}`}>
          Set
        </SubmitButton>
      </div>
      {state.status === "success" ? <FormMessage state={state} /> : null}
    </form>
  );
}
