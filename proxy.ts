import NextAuth from "next-auth";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { authConfig, isPublicPath } from "@/lib/auth/config";
import { createNonce, INLINE_STYLE_PATHS, pageContentSecurityPolicy, STRICT_TRANSPORT_SECURITY } from "@/lib/security/headers";

const { auth } = NextAuth(authConfig);

// next-auth re-issues the session cookie on every request it sees. A page or prefetch response still in
// flight when the user signs out would then set the cookie again and undo the sign-out, so the proxy
// only checks the session (it lasts maxAge from sign-in) and drops the re-issued cookie.
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token/;

function servedOverHttps(request: NextRequest): boolean {
  return request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https" || (process.env.APP_URL ?? "").startsWith("https:");
}

// The cookie's signature and expiry are checked here (no database in the proxy); whether the session
// was revoked is checked by every server-side session read (lib/auth/next-auth.ts), which sends a
// revoked cookie to /sign-in too.
const checkSession = auth((request) => {
  const path = request.nextUrl.pathname;
  if (!request.auth?.user && !isPublicPath(path)) {
    const signInUrl = request.nextUrl.clone();
    signInUrl.pathname = "/sign-in";
    signInUrl.search = "";
    signInUrl.searchParams.set("callbackUrl", request.nextUrl.href);
    return NextResponse.redirect(signInUrl);
  }
  // Next.js takes the nonce for its inline and bundle scripts from the request's CSP header.
  const https = servedOverHttps(request);
  const policy = pageContentSecurityPolicy(createNonce(), { https, development: process.env.NODE_ENV === "development", inlineStyles: INLINE_STYLE_PATHS.includes(path) });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  if (https) response.headers.set("strict-transport-security", STRICT_TRANSPORT_SECURITY);
  return response;
}) as unknown as (request: NextRequest, event: NextFetchEvent) => Promise<Response>;

// Pages require a session; /api and /v1 (API keys, callbacks, next-auth), /metrics (its own token) and static assets do not pass here.
export async function proxy(request: NextRequest, event: NextFetchEvent) {
  const response = await checkSession(request, event);
  const kept = response.headers.getSetCookie().filter((cookie) => !SESSION_COOKIE.test(cookie));
  response.headers.delete("set-cookie");
  for (const cookie of kept) response.headers.append("set-cookie", cookie);
  return response;
}

export const config = {
  matcher: ["/((?!api|v1|metrics|_next/static|_next/image|favicon.ico|.*\\.(?:svg|png|jpg|ico|css|js)$).*)"],
};
