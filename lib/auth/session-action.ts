import { redirect, unstable_rethrow } from "next/navigation";
import { ZodError, type z } from "zod";
import type { SessionUser } from "@/lib/auth/config";
import { DEFAULT_ACTION_ROLE, isRole, refusedMessage, roleAtLeast, type Role } from "@/lib/auth/roles";
import { currentUser } from "@/lib/auth/session";
import { domainFailure, formValues, validationFailed, type FormState } from "@/lib/form-state";
import { AppError } from "@/lib/http/errors";
import { uuidParam } from "@/lib/http/params";
import { logger } from "@/lib/logger";

/*
 * Every portal server action goes through one of these wrappers: the session and its account are
 * checked once, and whatever goes wrong comes back as a FormState (field errors, a form message),
 * never as a thrown error. A server action can be called by any client with any arguments, so the
 * wrappers assume nothing about them. Next's own signals (redirect, notFound) still propagate.
 * Each action needs a role in the account: admin unless it names another (`{ role: "member" }` for
 * everyday work), or platform operator (`{ operator: true }`); see lib/auth/roles.ts.
 */

export interface ActionContext {
  user: SessionUser;
  /** The submitted form; an empty one when the caller sent something else. */
  formData: FormData;
  /** The submitted string fields, echoed back on errors so the form keeps them. */
  values: Record<string, string>;
  /** A form field that must be a UUID naming `resource`; anything else ends the action with "`resource` not found". */
  id(field: string, resource: string): string;
}

export interface SessionActionOptions {
  /** Platform operators only (their own role in their account does not matter then). */
  operator?: boolean;
  /** The least role in the account that may run the action; DEFAULT_ACTION_ROLE (admin) when not named. */
  role?: Role;
}

/** Why `user` may not run an action with `options`, or null when they may. */
export function actionRefusal(user: SessionUser, options: SessionActionOptions): string | null {
  if (options.operator) return user.isOperator ? null : "Only platform operators can do this.";
  const minimum = options.role ?? DEFAULT_ACTION_ROLE;
  return isRole(user.role) && roleAtLeast(user.role, minimum) ? null : refusedMessage(minimum);
}

const log = logger.child({ component: "portal.actions" });

/** The form message of an action that failed unexpectedly (the server action's 500; logged). */
export const UNEXPECTED_FAILURE_MESSAGE = "Something went wrong on our side. Try again later.";

async function runWithSession<Data>(
  values: Record<string, string>,
  options: SessionActionOptions,
  work: (user: SessionUser) => Promise<FormState<Data>>,
): Promise<FormState<Data>> {
  try {
    const user = await currentUser();
    if (!user) redirect("/sign-in");
    const refusal = actionRefusal(user, options);
    if (refusal) return { status: "error", message: refusal };
    return await work(user);
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof ZodError) return validationFailed(error, values);
    if (error instanceof AppError) return domainFailure(error, values);
    log.error("server action failed", { err: error instanceof Error ? { message: error.message, stack: error.stack } : String(error) });
    return { status: "error", message: UNEXPECTED_FAILURE_MESSAGE, values };
  }
}

/** A form action for `useActionState`: `(previousState, formData) => FormState`. */
export function sessionAction<Data = undefined>(
  handler: (context: ActionContext) => Promise<FormState<Data>>,
  options: SessionActionOptions = {},
): (previous: FormState<Data>, formData: FormData) => Promise<FormState<Data>> {
  return async (_previous, formData) => {
    const form = formData instanceof FormData ? formData : new FormData();
    const values = formValues(form);
    return runWithSession(values, options, (user) =>
      handler({ user, formData: form, values, id: (field, resource) => uuidParam(form.get(field), resource) }),
    );
  };
}

/** An action called from client code with one argument, validated by `schema`; the result comes back as `data`. */
export function sessionCall<S extends z.ZodType, Data>(
  schema: S,
  handler: (user: SessionUser, input: z.output<S>) => Promise<Data>,
  options: SessionActionOptions = {},
): (input: z.input<S>) => Promise<FormState<Data>> {
  return async (input) =>
    runWithSession({}, options, async (user) => ({ status: "success", data: await handler(user, schema.parse(input)) }));
}
