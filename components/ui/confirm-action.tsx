"use client";

import { useState, type ReactNode } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";

export interface ConfirmActionProps {
  /** A server action (or a `useActionState` dispatcher) that receives the form. */
  action: (formData: FormData) => void | Promise<void>;
  /** Hidden fields sent with the confirmation. */
  fields?: Record<string, string>;
  label: string;
  confirmLabel: string;
  question: ReactNode;
  variant?: ButtonVariant;
}

/** A button that asks "are you sure?" inline before submitting: no browser dialog, keyboard-friendly. */
export function ConfirmAction({ action, fields = {}, label, confirmLabel, question, variant = "danger" }: ConfirmActionProps) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <Button size="sm" variant={variant === "danger" ? "secondary" : variant} onClick={() => setAsking(true)}>
        {label}
      </Button>
    );
  }
  return (
    <form action={action} className="flex flex-wrap items-center gap-2" role="group" aria-label={label}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <span className="text-sm text-slate-700">{question}</span>
      <SubmitButton size="sm" variant={variant} pendingLabel="Working…" autoFocus>
        {confirmLabel}
      </SubmitButton>
      <Button size="sm" variant="ghost" onClick={() => setAsking(false)}>
        Cancel
      </Button>
    </form>
  );
}
