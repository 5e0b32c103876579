"use client";

import { useActionState, type ReactNode } from "react";
import { FormMessage } from "@/components/ui/alert";
import { idleFormState, type FormState } from "@/lib/form-state";

export interface ActionFormProps {
  /** A server action made with `sessionAction`. */
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  /** Hidden fields sent with the form. */
  fields?: Record<string, string>;
  children: ReactNode;
  className?: string;
}

/** A form around a server action's buttons that shows what the action answered (e.g. "Contact list not found"). */
export function ActionForm({ action, fields = {}, children, className }: ActionFormProps) {
  const [state, formAction] = useActionState(action, idleFormState);
  return (
    <form action={formAction} className={className}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <FormMessage state={state} />
    </form>
  );
}
