import { authenticateApiKey, type ApiAuth } from "@/lib/api-keys/authenticate-api-key";
import { errorResponse } from "@/lib/http/respond";
import { observeRequest } from "@/lib/observability/observe-request";

export interface ApiContext<P> {
  request: Request;
  auth: ApiAuth;
  params: P;
}

type Segment<P> = { params: Promise<P> };

/**
 * Error mapping for any route handler: AppError/ZodError → 4xx, anything else → a 500 that hides
 * internals; the request runs observed (request id, metrics: lib/observability/observe-request).
 */
export function withErrors<P>(handler: (request: Request, params: P) => Promise<Response>) {
  return async (request: Request, segment: Segment<P>): Promise<Response> => {
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
export function apiRoute<P = Record<string, never>>(handler: (context: ApiContext<P>) => Promise<Response>) {
  return withErrors<P>(async (request, params) => {
    const auth = await authenticateApiKey(request.headers.get("authorization"));
    return handler({ request, auth, params });
  });
}
