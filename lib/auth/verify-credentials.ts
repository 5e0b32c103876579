import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { verifyPassword } from "@/lib/auth/password";
import type { SessionUser } from "@/lib/auth/config";

/** A user as sign-in hands it to the session: the session token keeps its `sessionVersion`. */
export interface AuthorizedUser extends SessionUser {
  sessionVersion: number;
}

/** Where a sign-in attempt came from, for the audit log. */
export interface SignInOrigin {
  ip?: string | null;
  userAgent?: string | null;
}

/**
 * The active user for an email/password pair, or null. Never says which of the two was wrong.
 * Every attempt is audited with where it came from; the reason stays in the audit log, never in the answer.
 */
export async function verifyCredentials(email: string, password: string, origin: SignInOrigin = {}): Promise<AuthorizedUser | null> {
  const user = await db.user.findUnique({
    where: { email },
    omit: { passwordHash: false },
    include: { account: { select: { status: true } } },
  });
  const failure = !user ? "unknown_email" : user.account.status !== "active" ? "account_suspended" : null;
  const verified = user !== null && !failure && (await verifyPassword(password, user.passwordHash));
  await recordAudit({
    action: verified ? "auth.sign_in" : "auth.sign_in_failed",
    actor: { type: "user", id: user?.id ?? null, label: email, accountId: user?.accountId ?? null },
    target: { type: "user", id: user?.id ?? null },
    after: verified ? undefined : { reason: failure ?? "wrong_password" },
    ip: origin.ip && origin.ip !== "unknown" ? origin.ip : undefined,
    userAgent: origin.userAgent,
  });
  if (!user || !verified) return null;
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    accountId: user.accountId,
    role: user.role,
    isOperator: user.isOperator,
    sessionVersion: user.sessionVersion,
  };
}
