"use client";

import { useActionState } from "react";
import { EventCheckboxes } from "@/components/webhooks/event-checkboxes";
import { IssuedSecretCallout } from "@/components/webhooks/issued-secret-callout";
import { FormMessage } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleFormState, type FormAction } from "@/lib/form-state";
import type { IssuedSecret } from "@/lib/webhooks/issued-secret";

export function CreateEndpointForm({ action }: { action: FormAction<IssuedSecret> }) {
  const [state, formAction] = useActionState(action, idleFormState);
  const values = state.status === "error" ? state.values : undefined;
  return (
    <div className="space-y-4">
      {state.status === "success" && state.data ? <IssuedSecretCallout issued={state.data} /> : null}
      {state.status === "error" && !state.fieldErrors ? <FormMessage state={state} /> : null}
      <form action={formAction} className="space-y-4" noValidate>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="webhook-url" label="URL" hint="HTTPS recommended. Must answer 2xx within 4 seconds." errors={state.fieldErrors?.url}>
            <Input name="url" type="url" required placeholder="https://example.com/sema-link/webhooks" defaultValue={values?.url ?? ""} />
          </Field>
          <Field id="webhook-description" label="Description" optional errors={state.fieldErrors?.description}>
            <Input name="description" maxLength={200} defaultValue={values?.description ?? ""} />
          </Field>
        </div>
        <EventCheckboxes idPrefix="new-endpoint" selected={["message.*"]} />
        {state.fieldErrors?.events ? <p className="text-sm text-red-700">Choose at least one event.</p> : null}
        <label htmlFor="webhook-batch" className="flex items-center gap-2 text-sm text-slate-700">
          <input id="webhook-batch" type="checkbox" name="batch" className="h-4 w-4 rounded border-slate-300" />
          Batch: receive JSON arrays of up to 1,000 events per request
        </label>
        <SubmitButton pendingLabel="Adding…">Add endpoint</SubmitButton>
      </form>
    </div>
  );
}
