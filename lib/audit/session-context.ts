import { headers } from "next/headers";
import type { Session } from "next-auth";
import type { SessionUser } from "@/lib/auth/config";
import { clientIpFrom, requestIdFrom, type RequestContext } from "@/lib/observability/request-context";

/**
 * The audit context of a portal request (server action, page or route handler): the signed-in
 * user (`auth` reads the session), the client address and user agent, read from Next.js's request
 * scope. Registered by lib/auth/next-auth.ts; undefined outside a request.
 */
export async function sessionAuditContext(auth: () => Promise<Session | null>): Promise<RequestContext | undefined> {
  let requestHeaders: Headers;
  try {
    requestHeaders = await headers();
  } catch {
    return undefined;
  }
  const session = await auth();
  const user = session?.user as Partial<SessionUser> | undefined;
  return {
    requestId: requestIdFrom(requestHeaders),
    ip: clientIpFrom(requestHeaders),
    userAgent: requestHeaders.get("user-agent"),
    actor: user?.id ? { type: "user", id: user.id, label: user.email ?? null, accountId: user.accountId ?? null } : undefined,
  };
}
