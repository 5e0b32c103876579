import type { SessionUser } from "@/lib/auth/config";
import { currentUser } from "@/lib/auth/session";
import { withErrors, type RouteHandler } from "@/lib/http/api-route";
import { AppError } from "@/lib/http/errors";

export interface SessionRouteContext<P> {
  request: Request;
  user: SessionUser;
  params: P;
}

/** A portal route handler (uploads, downloads): the session checked once, errors in the API's shape (401 without one). */
export function sessionRoute<P = Record<string, never>>(handler: (context: SessionRouteContext<P>) => Promise<Response>): RouteHandler<P> {
  return withErrors<P>(async (request, params) => {
    const user = await currentUser();
    if (!user) throw new AppError("unauthorized", "Sign in to the portal first");
    return handler({ request, user, params });
  });
}
