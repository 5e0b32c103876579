"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleFormState, type FormAction } from "@/lib/form-state";

/** Turns STOP/START confirmation replies on or off for one of the account's numbers. */
export function ConfirmationToggle({ numberId, enabled, action }: { numberId: string; enabled: boolean; action: FormAction }) {
  const [state, formAction] = useActionState(action, idleFormState);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="id" value={numberId} />
      <input type="hidden" name="sendConfirmations" value={enabled ? "false" : "true"} />
      <SubmitButton size="sm" variant="secondary" pendingLabel="Saving…">
        {enabled ? "Turn confirmations off" : "Turn confirmations on"}
      </SubmitButton>
      {state.status === "error" ? <FormMessage state={state} /> : null}
    </form>
  );
}
