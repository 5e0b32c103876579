import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

interface SignInSearchParams {
  callbackUrl?: string | string[];
  notice?: string | string[];
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<SignInSearchParams> }) {
  const { callbackUrl, notice } = await searchParams;
  return (
    <>
      <h1 className="text-xl font-semibold text-slate-900">Sign in</h1>
      <p className="mt-1 text-sm text-slate-600">Welcome back. Sign in to send messages and manage your account.</p>
      {notice === "signed-up" ? (
        <Alert tone="success" className="mt-4">
          If this email could be used, your account is ready. Sign in with the email and password you chose.
        </Alert>
      ) : null}
      <SignInForm callbackUrl={typeof callbackUrl === "string" ? callbackUrl : ""} />
      <p className="mt-6 text-center text-sm text-slate-600">
        New to Sema Link?{" "}
        <Link href="/sign-up" className="font-medium text-brand-700 underline-offset-2 hover:underline">
          Create an account
        </Link>
      </p>
    </>
  );
}
