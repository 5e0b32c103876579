import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import type { SessionUser } from "@/lib/auth/config";

/** A user as sign-in hands it to the session: the session token keeps its `sessionVersion`. */
export interface AuthorizedUser extends SessionUser {
  sessionVersion: number;
}

/** The active user for an email/password pair, or null. Never says which of the two was wrong. */
export async function verifyCredentials(email: string, password: string): Promise<AuthorizedUser | null> {
  const user = await db.user.findUnique({
    where: { email },
    omit: { passwordHash: false },
    include: { account: { select: { status: true } } },
  });
  if (!user || user.account.status !== "active") return null;
  if (!(await verifyPassword(password, user.passwordHash))) return null;
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
