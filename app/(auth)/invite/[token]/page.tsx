import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { roleLabel } from "@/lib/auth/roles";
import { findPendingInvite } from "@/lib/team/accept-invite";
import { AcceptInviteForm } from "./accept-invite-form";

export const metadata: Metadata = { title: "Join your team" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invite = await findPendingInvite(token);
  if (!invite) {
    return (
      <>
        <h1 className="text-xl font-semibold text-slate-900">Invitation not valid</h1>
        <div className="mt-4">
          <Alert tone="error">This invitation link is not valid: it may have expired, been revoked or been used already. Ask for a new one.</Alert>
        </div>
        <p className="mt-6 text-center text-sm text-slate-600">
          <Link href="/sign-in" className="font-medium text-brand-700 underline-offset-2 hover:underline">
            Sign in
          </Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1 className="text-xl font-semibold text-slate-900">Join {invite.accountName}</h1>
      <p className="mt-1 text-sm text-slate-600">
        You are invited as {roleLabel(invite.role).toLowerCase()} with <span className="font-medium">{invite.email}</span>. Choose your name and a password.
      </p>
      <AcceptInviteForm token={token} email={invite.email} />
    </>
  );
}
