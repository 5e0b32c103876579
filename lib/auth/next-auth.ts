import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "@/lib/auth/config";
import { authorizeSignIn } from "@/lib/auth/authorize-sign-in";
import { clientIp } from "@/lib/auth/client-ip";
import { currentSessionRole, revokeSessions } from "@/lib/auth/session-version";
import { logger } from "@/lib/logger";

const authLogger = logger.child({ component: "auth" });
import { registerAuditContextResolver } from "@/lib/audit/record-audit";
import { sessionAuditContext } from "@/lib/audit/session-context";

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: (credentials, request) => authorizeSignIn(credentials, { ip: clientIp(request.headers), userAgent: request.headers.get("user-agent") }),
    }),
  ],
  callbacks: {
    ...authConfig.callbacks,
    // Every server-side session read (pages, server actions, route handlers) checks the token's session
    // version against the user's: after sign-out or a password change an old cookie is no session at all,
    // and takes the user's role from the database, so a role change applies at once.
    async jwt(params) {
      const token = authConfig.callbacks.jwt(params);
      if (params.user) return token;
      const role = await currentSessionRole(token.userId, token.sessionVersion);
      return role ? { ...token, role } : null;
    },
  },
  // next-auth's own messages as our JSON log lines; a refused sign-in is routine (the throttle counts it).
  logger: {
    error(error) {
      if (error instanceof CredentialsSignin) authLogger.info("sign-in refused", { reason: error.code });
      else authLogger.error("auth error", { error });
    },
    warn(code) {
      authLogger.warn("auth warning", { code });
    },
    debug() {},
  },
  events: {
    // Sign-out (the portal's button or POST /api/auth/signout) ends all of the user's sessions server-side.
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (typeof token?.userId === "string" && typeof token.sessionVersion === "number") {
        await revokeSessions(token.userId, token.sessionVersion);
      }
    },
  },
});

// Audit events recorded during a portal request name the signed-in user and where they came from.
registerAuditContextResolver(() => sessionAuditContext(auth));
