import NextAuth from "next-auth";
import type { NextFetchEvent, NextRequest } from "next/server";
import { authConfig } from "@/lib/auth/config";

const { auth } = NextAuth(authConfig);
const checkSession = auth as unknown as (request: NextRequest, event: NextFetchEvent) => Promise<Response | undefined>;

// next-auth re-issues the session cookie on every request it sees. A page or prefetch response still in
// flight when the user signs out would then set the cookie again and undo the sign-out, so the proxy
// only checks the session (it lasts maxAge from sign-in) and drops the re-issued cookie.
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token/;

// Pages require a session; /api and /v1 (API keys, callbacks, next-auth), /metrics (its own token) and static assets do not pass here.
export async function proxy(request: NextRequest, event: NextFetchEvent) {
  const response = await checkSession(request, event);
  if (!response) return response;
  const kept = response.headers.getSetCookie().filter((cookie) => !SESSION_COOKIE.test(cookie));
  response.headers.delete("set-cookie");
  for (const cookie of kept) response.headers.append("set-cookie", cookie);
  return response;
}

export const config = {
  matcher: ["/((?!api|v1|metrics|_next/static|_next/image|favicon.ico|.*\\.(?:svg|png|jpg|ico|css|js)$).*)"],
};
