import { db } from "@/lib/db";
import type { Role } from "@/lib/auth/roles";

/**
 * Whether a session token is still good: it names an existing user and carries that user's current
 * session version (tokens issued before versions existed carry none and are refused).
 */
export async function isSessionCurrent(userId: unknown, sessionVersion: unknown): Promise<boolean> {
  return (await currentSessionRole(userId, sessionVersion)) !== null;
}

/**
 * The user's role now when the token is still good, else null: a role change or a removal from the
 * team takes effect on the user's next request, whatever their token says.
 */
export async function currentSessionRole(userId: unknown, sessionVersion: unknown): Promise<Role | null> {
  if (typeof userId !== "string" || typeof sessionVersion !== "number") return null;
  const user = await db.user.findUnique({ where: { id: userId }, select: { sessionVersion: true, role: true } });
  return user && user.sessionVersion === sessionVersion ? user.role : null;
}

/**
 * Ends every session of a user by bumping the version their tokens must carry. With `fromVersion`,
 * only when that is still the current version: a token that is already revoked cannot sign the
 * user's newer sessions out.
 */
export async function revokeSessions(userId: string, fromVersion?: number): Promise<boolean> {
  const { count } = await db.user.updateMany({
    where: { id: userId, ...(fromVersion === undefined ? {} : { sessionVersion: fromVersion }) },
    data: { sessionVersion: { increment: 1 } },
  });
  return count > 0;
}
