import NextAuth from "next-auth";
import { authConfig } from "@/lib/auth/config";

// Pages require a session; /api and /v1 (API keys, callbacks, next-auth) and static assets do not pass here.
export const { auth: proxy } = NextAuth(authConfig);

export const config = {
  matcher: ["/((?!api|v1|_next/static|_next/image|favicon.ico|.*\\.(?:svg|png|jpg|ico|css|js)$).*)"],
};
