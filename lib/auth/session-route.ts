import type { SessionUser } from "@/lib/auth/config";
import { currentUser } from "@/lib/auth/session";
import { actionRefusal, type SessionActionOptions } from "@/lib/auth/session-action";
import { withErrors, type RouteHandler } from "@/lib/http/api-route";
import { AppError } from "@/lib/http/errors";

export interface SessionRouteContext<P> {
  request: Request;
  user: SessionUser;
  params: P;
}

/**
 * A portal route handler (uploads, downloads): the session and the role checked once as for server
 * actions (admin unless `options.role` names another), errors in the API's shape (401 without one, 403).
 */
export function sessionRoute<P = Record<string, never>>(
  handler: (context: SessionRouteContext<P>) => Promise<Response>,
  options: SessionActionOptions = {},
): RouteHandler<P> {
  return withErrors<P>(async (request, params) => {
    const user = await currentUser();
    if (!user) throw new AppError("unauthorized", "Sign in to the portal first");
    const refusal = actionRefusal(user, options);
    if (refusal) throw new AppError("forbidden", refusal);
    return handler({ request, user, params });
  });
}
