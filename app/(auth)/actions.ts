"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { signIn, signOut } from "@/lib/auth/next-auth";
import { SignInThrottledError } from "@/lib/auth/authorize-sign-in";
import { throttledMessage } from "@/lib/auth/sign-in-throttle";
import { createAccount } from "@/lib/accounts/create-account";
import { recordAudit } from "@/lib/audit/record-audit";
import { signInInput, signUpInput } from "@/lib/accounts/schemas";
import { AppError } from "@/lib/http/errors";
import { acceptInvite } from "@/lib/team/accept-invite";
import { acceptInviteInput } from "@/lib/team/schemas";
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

export async function signInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = signInInput.safeParse({ email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) return validationFailed(parsed.error, values);
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeRedirectPath(formData.get("callbackUrl")) });
  } catch (error) {
    // signIn() signals success by throwing Next's redirect; only AuthError means the sign-in failed.
    if (error instanceof SignInThrottledError) return { status: "error", message: throttledMessage(error.retryAfterSeconds), values };
    if (error instanceof AuthError) return { status: "error", message: INVALID_CREDENTIALS, values };
    throw error;
  }
  return { status: "success" };
}

/**
 * Creates the account, then sends the visitor to sign in. A taken email ends the same way, with
 * nothing created: the form's answer never says whether an address is registered.
 */
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
    if (!(error instanceof AppError && error.code === "conflict")) return domainFailure(error, values);
  }
  redirect("/sign-in?notice=signed-up");
}

/**
 * Joins the account an invite link names, then signs the new user in. A used, revoked or expired
 * link (or a token that is no invite at all) answers the same way.
 */
export async function acceptInviteAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = acceptInviteInput.safeParse({ token: formData.get("token"), name: formData.get("name"), password: formData.get("password") });
  if (!parsed.success) return validationFailed(parsed.error, values);
  let joined: { email: string };
  try {
    joined = await acceptInvite(parsed.data);
  } catch (error) {
    return domainFailure(error, values);
  }
  try {
    await signIn("credentials", { email: joined.email, password: parsed.data.password, redirectTo: "/" });
  } catch (error) {
    if (error instanceof AuthError) redirect("/sign-in?notice=signed-up");
    throw error;
  }
  return { status: "success" };
}

export async function signOutAction(): Promise<void> {
  await recordAudit({ action: "auth.sign_out", target: { type: "session" } });
  await signOut({ redirectTo: "/sign-in" });
}
