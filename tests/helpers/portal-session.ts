import type { SessionUser } from "@/lib/auth/config";
import type { TestAccount } from "@/tests/helpers/accounts";

/*
 * Stands in for `@/lib/auth/next-auth` so portal server actions and route handlers can be called
 * in-process with a chosen session:
 *   vi.mock("@/lib/auth/next-auth", () => import("@/tests/helpers/portal-session"));
 * Everything behind the session (database, queues) is real.
 */

let signedIn: SessionUser | null = null;

export function signInAs(user: SessionUser | null): void {
  signedIn = user;
}

export function sessionUserOf(account: TestAccount, overrides: Partial<SessionUser> = {}): SessionUser {
  return { id: account.userId, email: account.email, name: "Test Owner", accountId: account.accountId, role: "owner", isOperator: false, ...overrides };
}

export async function auth(): Promise<{ user: SessionUser; expires: string } | null> {
  return signedIn ? { user: signedIn, expires: new Date(Date.now() + 3_600_000).toISOString() } : null;
}

export async function signIn(): Promise<void> {}

export async function signOut(): Promise<void> {}

export const handlers = {};
