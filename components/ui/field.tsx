import { cloneElement, isValidElement, type ReactElement, type ReactNode } from "react";
import { Label } from "@/components/ui/label";

export interface FieldProps {
  /** The id of the control; the label, hint and error are tied to it. */
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Messages from `FormState.fieldErrors[name]`; the first is shown. */
  errors?: string[];
  optional?: boolean;
  /** Keeps the label for screen readers only (compact inline forms where context says it). */
  hideLabel?: boolean;
  className?: string;
  /** One control (Input, Select, Textarea); it gets `id`, `aria-describedby` and `invalid`. */
  children: ReactElement<{ id?: string; "aria-describedby"?: string; invalid?: boolean }>;
}

/** Label + control + hint + inline error, wired up for screen readers. */
export function Field({ id, label, hint, errors, optional, hideLabel, className, children }: FieldProps) {
  const error = errors?.[0];
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  const control = isValidElement(children) ? cloneElement(children, { id, "aria-describedby": describedBy, invalid: Boolean(error) }) : children;
  return (
    <div className={className}>
      <Label htmlFor={id} className={hideLabel ? "sr-only" : undefined}>
        {label}
        {optional ? <span className="ml-1 font-normal text-slate-500">(optional)</span> : null}
      </Label>
      <div className={hideLabel ? undefined : "mt-1"}>{control}</div>
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
