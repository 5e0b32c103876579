import { CredentialsSignin } from "next-auth";
import { signInInput } from "@/lib/accounts/schemas";
import { signInThrottle, type SignInThrottle } from "@/lib/auth/sign-in-throttle";
import { verifyCredentials, type AuthorizedUser, type SignInOrigin } from "@/lib/auth/verify-credentials";

/** Sign-in refused by the throttle; the form turns it into "Try again in N minutes". */
export class SignInThrottledError extends CredentialsSignin {
  code = "throttled";

  constructor(readonly retryAfterSeconds: number) {
    super("Too many sign-in attempts");
  }
}

/**
 * The credentials provider's `authorize`, for the sign-in form and `POST /api/auth/callback/credentials`
 * alike: the throttle is asked before the password is checked, and only failures stay counted.
 */
export async function authorizeSignIn(
  credentials: unknown,
  origin: SignInOrigin & { ip: string },
  throttle: SignInThrottle = signInThrottle(),
): Promise<AuthorizedUser | null> {
  const { ip } = origin;
  const parsed = signInInput.safeParse(credentials);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const attempt = await throttle.attempt(email, ip);
  if (!attempt.allowed) throw new SignInThrottledError(attempt.retryAfterSeconds);
  const user = await verifyCredentials(email, password, origin);
  if (user) await throttle.succeeded(email, ip);
  return user;
}
