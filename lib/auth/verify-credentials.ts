import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { signInInput } from "@/lib/accounts/schemas";
import type { SessionUser } from "@/lib/auth/config";

/** The user for an email/password pair, or null. Never says which of the two was wrong. */
export async function verifyCredentials(credentials: unknown): Promise<SessionUser | null> {
  const parsed = signInInput.safeParse(credentials);
  if (!parsed.success) return null;
  const user = await db.user.findUnique({
    where: { email: parsed.data.email },
    omit: { passwordHash: false },
    include: { account: { select: { status: true } } },
  });
  if (!user || user.account.status !== "active") return null;
  if (!(await verifyPassword(parsed.data.password, user.passwordHash))) return null;
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  return { id: user.id, email: user.email, name: user.name, accountId: user.accountId, role: user.role, isOperator: user.isOperator };
}
