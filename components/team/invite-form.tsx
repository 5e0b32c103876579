"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { OneTimeSecret } from "@/components/ui/one-time-secret";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleFormState, type FormAction } from "@/lib/form-state";

export interface IssuedInviteLink {
  email: string;
  path: string;
  expires: string;
}

export function InviteForm({ action, roles }: { action: FormAction<IssuedInviteLink>; roles: { value: string; label: string }[] }) {
  const [state, formAction] = useActionState(action, idleFormState);
  const issued = state.status === "success" ? state.data : undefined;
  return (
    <div className="space-y-4">
      {issued ? (
        <OneTimeSecret title={`Invitation for ${issued.email}`} value={`${window.location.origin}${issued.path}`} copyLabel="Copy invite link" testId="invite-link">
          Send this link to {issued.email} yourself: it is shown only now, works once and expires {issued.expires}.
        </OneTimeSecret>
      ) : null}
      {state.status === "error" ? <FormMessage state={state} /> : null}
      <form action={formAction} className="flex flex-col gap-3 sm:flex-row sm:items-start" noValidate>
        <Field id="invite-email" label="Email" errors={state.fieldErrors?.email} className="flex-1">
          <Input name="email" type="email" required defaultValue={state.status === "error" ? state.values?.email : ""} />
        </Field>
        <Field id="invite-role" label="Role" errors={state.fieldErrors?.role}>
          <Select name="role" defaultValue="member" options={roles} className="w-40" />
        </Field>
        <SubmitButton className="sm:mt-6" pendingLabel="Inviting…">
          Create invite link
        </SubmitButton>
      </form>
    </div>
  );
}
