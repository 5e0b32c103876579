import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { canUse, type Area } from "@/lib/auth/roles";
import { auth } from "@/lib/auth/next-auth";
import type { SessionUser } from "@/lib/auth/config";

// Layout, page and actions of one request share one session read (and its session-version query).
const currentSession = cache(() => auth());

/** The signed-in portal user with an account, or null: the one place the session's shape is checked. */
export async function currentUser(): Promise<SessionUser | null> {
  const session = await currentSession();
  const user = session?.user as Partial<SessionUser> | undefined;
  if (typeof user?.id !== "string" || typeof user.accountId !== "string") return null;
  return user as SessionUser;
}

/** The signed-in portal user; redirects to sign-in when there is none. For server components. */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  return user;
}

/** Platform operators only; everyone else gets the not-found page. */
export async function requireOperator(): Promise<SessionUser> {
  const user = await requireUser();
  if (!user.isOperator) notFound();
  return user;
}

/** Users whose role reaches the area's (lib/auth/roles.ts); everyone else gets the not-found page. */
export async function requireRole(area: Area): Promise<SessionUser> {
  const user = await requireUser();
  if (!canUse(user, area)) notFound();
  return user;
}
