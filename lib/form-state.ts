import { z } from "zod";
import { AppError } from "@/lib/http/errors";

/**
 * What a portal server action returns to `useActionState`: field errors shown inline, a form-level
 * message, the submitted values (React resets forms after an action, so they are echoed back) and,
 * on success, optional data for the page (e.g. a new API key shown once).
 */
export interface FormState<Data = undefined> {
  status: "idle" | "error" | "success";
  message?: string;
  fieldErrors?: Partial<Record<string, string[]>>;
  values?: Record<string, string>;
  data?: Data;
}

export const idleFormState: FormState<never> = { status: "idle" };

/** A server action as `useActionState` calls it; pages hand them to client components as props. */
export type FormAction<Data = undefined> = (previous: FormState<Data>, formData: FormData) => Promise<FormState<Data>>;

// Never echo secrets back into the page.
const NEVER_ECHOED = new Set(["password", "currentPassword", "newPassword"]);

/** The string fields of a submission, without passwords and React's internal `$ACTION_` fields. */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !NEVER_ECHOED.has(key) && !key.startsWith("$ACTION")) values[key] = value;
  }
  return values;
}

export function validationFailed<Data = undefined>(error: z.ZodError, values: Record<string, string>): FormState<Data> {
  return {
    status: "error",
    message: "Check the highlighted fields.",
    fieldErrors: z.flattenError(error).fieldErrors as Partial<Record<string, string[]>>,
    values,
  };
}

/**
 * Turns a domain error into a form error, its `details` shown on their fields (by the first segment
 * of each field's path); anything unexpected (including Next's redirect and not-found signals) is
 * rethrown.
 */
export function domainFailure<Data = undefined>(error: unknown, values: Record<string, string>): FormState<Data> {
  if (!(error instanceof AppError)) throw error;
  if (!error.details?.length) return { status: "error", message: error.message, values };
  const fieldErrors: Partial<Record<string, string[]>> = {};
  for (const detail of error.details) {
    const field = detail.field.split(".")[0];
    (fieldErrors[field] ??= []).push(detail.message);
  }
  return { status: "error", message: error.message, fieldErrors, values };
}
