import { db } from "@/lib/db";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { signInThrottle, throttledMessage, type SignInThrottle } from "@/lib/auth/sign-in-throttle";
import type { ChangePasswordInput } from "@/lib/auth/schemas";
import { AppError, fieldError } from "@/lib/http/errors";

export interface ChangePasswordRequest extends ChangePasswordInput {
  userId: string;
  email: string;
  /** Client address: wrong current passwords count against the sign-in throttle like failed sign-ins. */
  ip: string;
}

/**
 * Replaces a user's password after checking the current one, and bumps the session version in the same
 * UPDATE so every session signed in with the old password ends (the caller signs its own browser in again).
 */
export async function changePassword(request: ChangePasswordRequest, throttle: SignInThrottle = signInThrottle()): Promise<void> {
  const attempt = await throttle.attempt(request.email, request.ip);
  if (!attempt.allowed) throw new AppError("rate_limited", throttledMessage(attempt.retryAfterSeconds));
  const user = await db.user.findUnique({ where: { id: request.userId }, select: { passwordHash: true } });
  if (!user || !(await verifyPassword(request.currentPassword, user.passwordHash))) {
    throw fieldError("validation_failed", "currentPassword", "Current password is incorrect");
  }
  await throttle.succeeded(request.email, request.ip);
  const passwordHash = await hashPassword(request.newPassword);
  await db.user.update({ where: { id: request.userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
}
