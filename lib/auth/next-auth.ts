import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "@/lib/auth/config";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { registerAuditContextResolver } from "@/lib/audit/record-audit";
import { sessionAuditContext } from "@/lib/audit/session-context";

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: (credentials, request) => verifyCredentials(credentials, request),
    }),
  ],
});

// Audit events recorded during a portal request name the signed-in user and where they came from.
registerAuditContextResolver(() => sessionAuditContext(auth));
