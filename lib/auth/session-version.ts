import { db } from "@/lib/db";

/**
 * Whether a session token is still good: it names an existing user and carries that user's current
 * session version (tokens issued before versions existed carry none and are refused).
 */
export async function isSessionCurrent(userId: unknown, sessionVersion: unknown): Promise<boolean> {
  if (typeof userId !== "string" || typeof sessionVersion !== "number") return false;
  const user = await db.user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
  return user?.sessionVersion === sessionVersion;
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
