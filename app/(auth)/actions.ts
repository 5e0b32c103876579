"use server";

import { AuthError } from "next-auth";
import { signIn, signOut } from "@/lib/auth/next-auth";
import { createAccount } from "@/lib/accounts/create-account";
import { recordAudit } from "@/lib/audit/record-audit";
import { signInInput, signUpInput } from "@/lib/accounts/schemas";
import { domainFailure, formValues, validationFailed, type FormState } from "@/lib/form-state";

const INVALID_CREDENTIALS = "Invalid email or password.";

/** Only same-site paths: a sign-in link can never send the user to another host. */
function safeRedirectPath(value: FormDataEntryValue | null): string {
  if (typeof value !== "string" || value === "") return "/";
  try {
    const url = new URL(value, "http://internal.invalid");
    const path = `${url.pathname}${url.search}`;
    return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/sign-") ? path : "/";
  } catch {
    return "/";
  }
}

// signIn() signals success by throwing Next's redirect; only AuthError means the credentials failed.
async function signInOrFail(email: string, password: string, redirectTo: string, values: Record<string, string>): Promise<FormState> {
  try {
    await signIn("credentials", { email, password, redirectTo });
  } catch (error) {
    if (error instanceof AuthError) return { status: "error", message: INVALID_CREDENTIALS, values };
    throw error;
  }
  return { status: "success" };
}

export async function signInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = signInInput.safeParse({ email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) return validationFailed(parsed.error, values);
  return signInOrFail(parsed.data.email, parsed.data.password, safeRedirectPath(formData.get("callbackUrl")), values);
}

export async function signUpAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = signUpInput.safeParse({
    accountName: formData.get("accountName"),
    name: formData.get("name"),
    email: formData.get("email"),
    password: formData.get("password"),
  });
  if (!parsed.success) return validationFailed(parsed.error, values);
  const { accountName, name, email, password } = parsed.data;
  try {
    await createAccount({ name: accountName, owner: { email, name, password } });
  } catch (error) {
    return domainFailure(error, values);
  }
  return signInOrFail(email, password, "/", values);
}

export async function signOutAction(): Promise<void> {
  await recordAudit({ action: "auth.sign_out", target: { type: "session" } });
  await signOut({ redirectTo: "/sign-in" });
}
