import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { signInInput } from "@/lib/accounts/schemas";
import { recordAudit } from "@/lib/audit/record-audit";
import type { SessionUser } from "@/lib/auth/config";
import { clientIpFrom } from "@/lib/observability/request-context";

/** The user for an email/password pair, or null. Never says which of the two was wrong. */
export async function verifyCredentials(credentials: unknown, request?: Request): Promise<SessionUser | null> {
  const parsed = signInInput.safeParse(credentials);
  if (!parsed.success) return null;
  const user = await db.user.findUnique({
    where: { email: parsed.data.email },
    omit: { passwordHash: false },
    include: { account: { select: { status: true } } },
  });
  const failure = !user ? "unknown_email" : user.account.status !== "active" ? "account_suspended" : null;
  const verified = user && !failure && (await verifyPassword(parsed.data.password, user.passwordHash));
  // Every attempt is audited with where it came from; the reason stays in the log, never in the answer.
  await recordAudit({
    action: verified ? "auth.sign_in" : "auth.sign_in_failed",
    actor: { type: "user", id: user?.id ?? null, label: parsed.data.email, accountId: user?.accountId ?? null },
    target: { type: "user", id: user?.id ?? null },
    after: verified ? undefined : { reason: failure ?? "wrong_password" },
    ip: request ? clientIpFrom(request.headers) : undefined,
    userAgent: request?.headers.get("user-agent"),
  });
  if (!user || !verified) return null;
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  return { id: user.id, email: user.email, name: user.name, accountId: user.accountId, role: user.role, isOperator: user.isOperator };
}
