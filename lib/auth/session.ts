import { redirect } from "next/navigation";
import { auth } from "@/lib/auth/next-auth";
import type { SessionUser } from "@/lib/auth/config";

/** The signed-in portal user; redirects to sign-in when there is none. For server components and actions. */
export async function requireUser(): Promise<SessionUser> {
  const session = await auth();
  const user = session?.user as Partial<SessionUser> | undefined;
  if (!user?.id || !user.accountId) redirect("/sign-in");
  return user as SessionUser;
}

/** Platform operators only; everyone else gets the not-found page. */
export async function requireOperator(): Promise<SessionUser> {
  const user = await requireUser();
  if (!user.isOperator) redirect("/");
  return user;
}
