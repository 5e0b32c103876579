import { email as emailSchema } from "@/lib/accounts/schemas";
import { clientIp } from "@/lib/auth/client-ip";
import { signInThrottle, throttledMessage } from "@/lib/auth/sign-in-throttle";
import { AppError } from "@/lib/http/errors";
import { errorResponse } from "@/lib/http/respond";

async function submittedEmail(request: Request): Promise<string | null> {
  try {
    const parsed = emailSchema.safeParse((await request.clone().formData()).get("email"));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * A 429 with Retry-After for `POST /api/auth/callback/credentials` while the email or the client IP is
 * throttled, or null to let next-auth handle the request. The limit itself is enforced (and counted)
 * by the credentials provider's authorize, which refuses the same attempts; this only gives scripted
 * clients a clear status instead of next-auth's redirect to the error page.
 */
export async function refuseThrottledSignIn(request: Request): Promise<Response | null> {
  if (!new URL(request.url).pathname.endsWith("/callback/credentials")) return null;
  const attempt = await signInThrottle().check(await submittedEmail(request), clientIp(request.headers));
  if (attempt.allowed) return null;
  const { retryAfterSeconds } = attempt;
  return errorResponse(new AppError("rate_limited", throttledMessage(retryAfterSeconds), undefined, { "Retry-After": String(retryAfterSeconds) }));
}
