"use client";

import { useActionState, useEffect, useRef } from "react";
import { FormMessage } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Textarea } from "@/components/ui/textarea";
import { idleFormState, type FormAction } from "@/lib/form-state";

/** The reply box under a conversation; it empties itself once a reply is accepted. */
export function ReplyForm({ phone, number, action }: { phone: string; number: string; action: FormAction }) {
  const [state, formAction] = useActionState(action, idleFormState);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === "success") form.current?.reset();
  }, [state]);
  const kept = state.status === "error" ? state.values : undefined;
  return (
    <form ref={form} action={formAction} className="space-y-3" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="phone" value={phone} />
      <Field id="reply-body" label="Reply" hint={`Sent from ${number} and charged like any message.`} errors={state.fieldErrors?.body}>
        <Textarea name="body" rows={3} maxLength={2_000} required defaultValue={kept?.body} />
      </Field>
      <SubmitButton pendingLabel="Sending…">Send reply</SubmitButton>
    </form>
  );
}
