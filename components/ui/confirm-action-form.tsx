"use client";

import { useActionState, type ReactNode } from "react";
import { ConfirmAction } from "@/components/ui/confirm-action";
import type { ButtonVariant } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/alert";
import { idleFormState, type FormState } from "@/lib/form-state";

export interface ConfirmActionFormProps {
  /** A server action made with `sessionAction`. */
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  fields?: Record<string, string>;
  label: string;
  confirmLabel: string;
  question: ReactNode;
  variant?: ButtonVariant;
  /** false: the button is not offered (nothing to do), while an answer already given stays visible. */
  offered?: boolean;
}

/**
 * A destructive or costly action behind an inline "are you sure?" (ConfirmAction), showing what the
 * server action answered; once it has succeeded the button is not offered again.
 */
export function ConfirmActionForm({ action, fields, label, confirmLabel, question, variant, offered = true }: ConfirmActionFormProps) {
  const [state, formAction] = useActionState(action, idleFormState);
  return (
    <div className="space-y-2">
      {state.status === "success" || !offered ? null : <ConfirmAction action={formAction} fields={fields} label={label} confirmLabel={confirmLabel} question={question} variant={variant} />}
      <FormMessage state={state} />
    </div>
  );
}
