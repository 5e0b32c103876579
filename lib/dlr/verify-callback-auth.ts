import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { AppError } from "@/lib/http/errors";

export interface CallbackAuthConfig {
  token: string;
  /** When set, requests must also carry `x-signature: sha256=<hex HMAC-SHA256 of the raw body>`. */
  hmacSecret?: string;
}

/** Constant-time string comparison that does not leak the length of the expected value. */
function safeEqual(given: string, expected: string): boolean {
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}

/**
 * The token from the `x-callback-token` header, the `token` query parameter, or the path segment.
 * Prefer the header (with the HMAC): a query or path token is part of the URL, so it ends up in
 * proxy and load-balancer access logs (docs/providers.md).
 */
export function callbackTokenFrom(request: Request, pathToken?: string): string | null {
  return request.headers.get("x-callback-token") ?? new URL(request.url).searchParams.get("token") ?? pathToken ?? null;
}

/**
 * Celcom documents no signature, so the callback URL is protected by a shared secret token and,
 * when configured, an HMAC over the raw body. Any failure is the same 401 (no hint which part failed).
 */
export function verifyCallbackAuth(request: Request, rawBody: string, config: CallbackAuthConfig, pathToken?: string): void {
  const token = callbackTokenFrom(request, pathToken);
  if (!token || !safeEqual(token, config.token)) throw unauthorized();
  if (config.hmacSecret) {
    const header = request.headers.get("x-signature") ?? "";
    const given = header.startsWith("sha256=") ? header.slice("sha256=".length) : header;
    const expected = createHmac("sha256", config.hmacSecret).update(rawBody).digest("hex");
    if (!/^[0-9a-f]{64}$/i.test(given) || !safeEqual(given.toLowerCase(), expected)) throw unauthorized();
  }
}

function unauthorized(): AppError {
  return new AppError("unauthorized", "Callback authentication failed");
}
