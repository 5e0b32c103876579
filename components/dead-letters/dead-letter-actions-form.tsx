"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleFormState, type FormAction } from "@/lib/form-state";

/** Operator: replay or discard the oldest dead letters, optionally of one provider and a minimum age. */
export function DeadLetterActionsForm({ providers, action }: { providers: string[]; action: FormAction }) {
  const [state, formAction] = useActionState(action, idleFormState);
  const kept = state.status === "error" ? state.values : undefined;
  return (
    <form action={formAction} className="space-y-4 px-4 py-4 sm:px-6" aria-label="Replay or discard dead letters" noValidate>
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="dlq-provider" label="Provider" optional errors={state.fieldErrors?.provider}>
          <Select name="provider" defaultValue={kept?.provider ?? ""}>
            <option value="">All providers</option>
            {providers.map((provider) => (
              <option key={provider} value={provider}>
                {provider}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="dlq-older-than" label="Parked at least" optional hint="e.g. 10m, 6h, 2d" errors={state.fieldErrors?.olderThan}>
          <Input name="olderThan" placeholder="10m" defaultValue={kept?.olderThan} />
        </Field>
        <Field id="dlq-limit" label="At most" errors={state.fieldErrors?.limit}>
          <Input name="limit" inputMode="numeric" defaultValue={kept?.limit ?? "500"} />
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton name="intent" value="replay" pendingLabel="Replaying…">
          Replay
        </SubmitButton>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" name="confirmDiscard" value="yes" className="h-4 w-4 rounded border-slate-300" />
          Discard fails these messages and refunds them
        </label>
        <SubmitButton name="intent" value="discard" variant="danger" pendingLabel="Discarding…">
          Discard
        </SubmitButton>
      </div>
    </form>
  );
}
