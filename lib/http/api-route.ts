import { type z } from "zod";
import { authenticateApiKey, type ApiAuth } from "@/lib/api-keys/authenticate-api-key";
import { parseJsonBody } from "@/lib/http/parse";
import { errorResponse } from "@/lib/http/respond";
import { observeRequest } from "@/lib/observability/observe-request";

export interface ApiContext<P> {
  request: Request;
  auth: ApiAuth;
  params: P;
}

/**
 * A route whose body is parsed before authentication, so that the API key lookup can load data the
 * body names in the same query (`POST /v1/messages` loads the send context of `from` with the key).
 */
export interface BodyFirstOptions<S extends z.ZodType, A> {
  body: S;
  authenticate: (authorization: string | null, input: z.output<S>) => Promise<A>;
}

export interface BodyFirstContext<P, S extends z.ZodType, A> {
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
export function apiRoute<S extends z.ZodType, A, P = Record<string, never>>(
  options: BodyFirstOptions<S, A>,
  handler: (context: BodyFirstContext<P, S, A>) => Promise<Response>,
): RouteHandler<P>;
export function apiRoute<S extends z.ZodType, A, P>(
  first: BodyFirstOptions<S, A> | ((context: ApiContext<P>) => Promise<Response>),
  second?: (context: BodyFirstContext<P, S, A>) => Promise<Response>,
): RouteHandler<P> {
  if (typeof first === "function") {
    return withErrors<P>(async (request, params) => first({ request, auth: await authenticateApiKey(request.headers.get("authorization")), params }));
  }
  const options = first;
  const handler = second!;
  return withErrors<P>(async (request, params) => {
    const authorization = request.headers.get("authorization");
    let input: z.output<S>;
    try {
      input = await parseJsonBody(request, options.body);
    } catch (error) {
      await authenticateApiKey(authorization);
      throw error;
    }
    return handler({ request, input, auth: await options.authenticate(authorization, input), params });
  });
}
