"use client";

import { useActionState } from "react";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleFormState, type FormAction } from "@/lib/form-state";

/** Inline fix of one invalid number: saved and re-validated at once. */
export function FixContactForm({ listId, contactId, rawPhone, action }: { listId: string; contactId: string; rawPhone: string; action: FormAction }) {
  const [state, formAction] = useActionState(action, idleFormState);
  return (
    <form action={formAction} className="flex items-center gap-2">
      <input type="hidden" name="listId" value={listId} />
      <input type="hidden" name="contactId" value={contactId} />
      <Input name="phone" defaultValue={state.values?.phone ?? rawPhone} aria-label={`Fix number ${rawPhone}`} className="w-44" invalid={state.status === "error"} />
      <SubmitButton size="sm" variant="secondary" pendingLabel="Checking…">
        Fix
      </SubmitButton>
      {state.status === "error" ? <span className="text-xs text-red-700">{state.message}</span> : null}
    </form>
  );
}
