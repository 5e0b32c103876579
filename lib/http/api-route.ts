import { type z } from "zod";
import { authenticateApiKey, type ApiAuth } from "@/lib/api-keys/authenticate-api-key";
import { clientIp } from "@/lib/auth/client-ip";
import { AppError } from "@/lib/http/errors";
import { parseJsonBody } from "@/lib/http/parse";
import { errorResponse } from "@/lib/http/respond";
import { observeRequest } from "@/lib/observability/observe-request";
import { apiRateLimiter, rateLimitHeaders, type RateLimitDecision } from "@/lib/traffic/api-rate-limiter";

export interface ApiContext<P> {
  request: Request;
  auth: ApiAuth;
  params: P;
}

/**
 * A route whose body is parsed before authentication, so that the API key lookup can load data the
 * body names in the same query (`POST /v1/messages` loads the send context of `from` with the key).
 */
export interface BodyFirstOptions<S extends z.ZodType, A extends { auth: ApiAuth }> {
  body: S;
  authenticate: (authorization: string | null, input: z.output<S>) => Promise<A>;
}

export interface BodyFirstContext<P, S extends z.ZodType, A extends { auth: ApiAuth }> {
  request: Request;
  input: z.output<S>;
  auth: A;
  params: P;
}

type Segment<P> = { params: Promise<P> };
export type RouteHandler<P> = (request: Request, segment: Segment<P>) => Promise<Response>;

/**
 * Error mapping for any route handler: AppError/ZodError → 4xx, anything else → a 500 that hides
 * internals; the request runs observed (request id, metrics: lib/observability/observe-request).
 */
export function withErrors<P>(handler: (request: Request, params: P) => Promise<Response>): RouteHandler<P> {
  return async (request, segment) => {
    const params = (await segment?.params) ?? ({} as P);
    return observeRequest(request, params as Record<string, string>, async () => {
      try {
        return await handler(request, params);
      } catch (error) {
        return errorResponse(error);
      }
    });
  };
}

/** Every /v1 route: Bearer API key authentication, then the handler, with errors mapped. */
export function apiRoute<P = Record<string, never>>(handler: (context: ApiContext<P>) => Promise<Response>): RouteHandler<P>;
/**
 * Body first: the JSON body is parsed, then `authenticate` runs with it. A request with a bad key
 * still gets its 401 before any complaint about its body.
 */
export function apiRoute<S extends z.ZodType, A extends { auth: ApiAuth }, P = Record<string, never>>(
  options: BodyFirstOptions<S, A>,
  handler: (context: BodyFirstContext<P, S, A>) => Promise<Response>,
): RouteHandler<P>;
export function apiRoute<S extends z.ZodType, A extends { auth: ApiAuth }, P>(
  first: BodyFirstOptions<S, A> | ((context: ApiContext<P>) => Promise<Response>),
  second?: (context: BodyFirstContext<P, S, A>) => Promise<Response>,
): RouteHandler<P> {
  if (typeof first === "function") {
    return rateLimitedRoute<P>(async (request, params, limit) => {
      const auth = await limit(async () => ({ auth: await authenticateApiKey(request.headers.get("authorization")) }));
      return first({ request, auth: auth.auth, params });
    });
  }
  const options = first;
  const handler = second!;
  return rateLimitedRoute<P>(async (request, params, limit) => {
    const authorization = request.headers.get("authorization");
    let input: z.output<S>;
    try {
      input = await parseJsonBody(request, options.body);
    } catch (error) {
      await limit(async () => ({ auth: await authenticateApiKey(authorization) }));
      throw error;
    }
    return handler({ request, input, auth: await limit(() => options.authenticate(authorization, input)), params });
  });
}

const rateLimited = (decision: RateLimitDecision) =>
  new AppError("rate_limited", `Too many requests: try again in ${Math.max(1, decision.resetSeconds)} s`, undefined, rateLimitHeaders(decision));

type Limit = <A extends { auth: ApiAuth }>(authenticate: () => Promise<A>) => Promise<A>;

/**
 * Error mapping plus the API rate limits (docs/traffic-controls.md): `limit` authenticates and counts
 * the request against its key and account; a refused key counts against the client IP, and an IP
 * that has spent its bad-key budget gets 429 whatever key it tries. The `RateLimit-*` headers of the
 * last check go on every response, errors included.
 */
function rateLimitedRoute<P>(handler: (request: Request, params: P, limit: Limit) => Promise<Response>): RouteHandler<P> {
  return async (request, segment) => {
    let headers: Record<string, string> | undefined;
    const limit: Limit = async <A extends { auth: ApiAuth }>(authenticate: () => Promise<A>): Promise<A> => {
      const limiter = apiRateLimiter();
      const ip = clientIp(request.headers);
      const ipBlocked = limiter.unauthenticatedBlocked(ip);
      let authenticated: A;
      try {
        authenticated = await authenticate();
      } catch (error) {
        if (error instanceof AppError && error.code === "unauthorized") {
          const decision = (await ipBlocked) ?? (await limiter.consumeUnauthenticated(ip));
          if (decision && !decision.allowed) throw rateLimited(decision);
        }
        throw error;
      }
      const blocked = await ipBlocked;
      if (blocked) throw rateLimited(blocked);
      const { accountId, apiKeyId, rateLimitPerSecond } = authenticated.auth;
      const decision = await limiter.consumeAuthenticated(apiKeyId, accountId, rateLimitPerSecond);
      if (decision) headers = rateLimitHeaders(decision);
      if (decision && !decision.allowed) throw rateLimited(decision);
      return authenticated;
    };
    const response = await withErrors<P>((req, params) => handler(req, params, limit))(request, segment);
    for (const [name, value] of Object.entries(headers ?? {})) {
      if (!response.headers.has(name)) response.headers.set(name, value);
    }
    return response;
  };
}
