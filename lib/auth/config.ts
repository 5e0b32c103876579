import type { NextAuthConfig } from "next-auth";

// The part of the auth configuration the proxy needs: no database, no password hashing. The full
// configuration (lib/auth/next-auth.ts) adds the credentials provider and the session-version check.
export const PUBLIC_PATHS = ["/sign-in", "/sign-up", "/invite/", "/docs"];

export function isPublicPath(path: string): boolean {
  return PUBLIC_PATHS.some((publicPath) => path.startsWith(publicPath));
}

export const authConfig = {
  trustHost: true,
  session: { strategy: "jwt", maxAge: 7 * 24 * 3600 },
  pages: { signIn: "/sign-in" },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const sessionUser = user as SessionUser & { sessionVersion?: number };
        token.userId = sessionUser.id;
        token.accountId = sessionUser.accountId;
        token.role = sessionUser.role;
        token.isOperator = sessionUser.isOperator;
        token.sessionVersion = sessionUser.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      Object.assign(session.user, {
        id: token.userId,
        accountId: token.accountId,
        role: token.role,
        isOperator: token.isOperator,
      });
      return session;
    },
  },
} satisfies NextAuthConfig;

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  accountId: string;
  role: "owner" | "admin" | "member";
  isOperator: boolean;
}
