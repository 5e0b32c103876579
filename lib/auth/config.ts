import type { NextAuthConfig } from "next-auth";

// The part of the auth configuration the proxy needs: no database, no password hashing.
export const PUBLIC_PATHS = ["/sign-in", "/sign-up"];

export const authConfig = {
  trustHost: true,
  session: { strategy: "jwt", maxAge: 7 * 24 * 3600 },
  pages: { signIn: "/sign-in" },
  providers: [],
  callbacks: {
    authorized({ auth, request }) {
      const path = request.nextUrl.pathname;
      if (PUBLIC_PATHS.some((publicPath) => path.startsWith(publicPath))) return true;
      return Boolean(auth?.user);
    },
    jwt({ token, user }) {
      if (user) {
        const sessionUser = user as SessionUser;
        token.userId = sessionUser.id;
        token.accountId = sessionUser.accountId;
        token.role = sessionUser.role;
        token.isOperator = sessionUser.isOperator;
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
