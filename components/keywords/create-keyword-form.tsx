"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { Textarea } from "@/components/ui/textarea";
import { idleFormState, type FormAction } from "@/lib/form-state";

export const KEYWORD_ACTION_OPTIONS = [
  { value: "reply", label: "Reply with a message" },
  { value: "opt_out", label: "Opt out (like STOP)" },
  { value: "opt_in", label: "Opt in (like START)" },
];

export function CreateKeywordForm({ numbers, action }: { numbers: string[]; action: FormAction }) {
  const [state, formAction] = useActionState(action, idleFormState);
  const kept = state.status === "error" ? state.values : undefined;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <Field id="keyword-word" label="Keyword" hint="One word; matched on the first word of a message, in any case." errors={state.fieldErrors?.keyword}>
        <Input name="keyword" maxLength={20} required autoCapitalize="characters" defaultValue={kept?.keyword} />
      </Field>
      <Field id="keyword-action" label="What it does" errors={state.fieldErrors?.action}>
        <Select name="action" options={KEYWORD_ACTION_OPTIONS} defaultValue={kept?.action ?? "reply"} />
      </Field>
      <Field id="keyword-reply" label="Reply" optional hint="Required for replies; for opt-out/opt-in it replaces the standard confirmation." errors={state.fieldErrors?.reply}>
        <Textarea name="reply" rows={3} maxLength={918} defaultValue={kept?.reply} />
      </Field>
      <Field id="keyword-number" label="Number" errors={state.fieldErrors?.number}>
        <Select name="number" defaultValue={kept?.number ?? ""} options={[{ value: "", label: "All my numbers" }, ...numbers.map((number) => ({ value: number, label: number }))]} />
      </Field>
      <SubmitButton pendingLabel="Saving…">Add keyword</SubmitButton>
    </form>
  );
}
