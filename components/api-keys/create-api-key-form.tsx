"use client";

import { useActionState } from "react";
import { IssuedKeyCallout } from "@/components/api-keys/issued-key-callout";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import type { IssuedKey } from "@/lib/api-keys/issued-key";
import { idleFormState, type FormAction } from "@/lib/form-state";

export function CreateApiKeyForm({ action }: { action: FormAction<IssuedKey> }) {
  const [state, formAction] = useActionState(action, idleFormState);
  return (
    <div className="space-y-4">
      {state.status === "success" && state.data ? <IssuedKeyCallout issued={state.data} title={`API key “${state.data.name}” created`} /> : null}
      <form action={formAction} className="flex flex-col gap-3 sm:flex-row sm:items-start" noValidate>
        <Field id="api-key-name" label="Key name" hint="What uses it, e.g. “Billing system (production)”." errors={state.fieldErrors?.name} className="flex-1">
          <Input name="name" maxLength={80} required defaultValue={state.status === "error" ? state.values?.name : ""} />
        </Field>
        <SubmitButton className="sm:mt-6" pendingLabel="Creating…">
          Create key
        </SubmitButton>
      </form>
    </div>
  );
}
