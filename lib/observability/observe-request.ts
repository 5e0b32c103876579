import { logger } from "@/lib/logger";
import { metrics } from "@/lib/observability/metrics";
import { clientIpFrom, requestIdFrom, runWithContext, type RequestContext } from "@/lib/observability/request-context";

const log = logger.child({ component: "http" });

/**
 * The route as a template for metric labels: every path segment that is one of the route's
 * parameters becomes `:name` (a catch-all's segments become `:name*`), so ids and callback tokens
 * never become label values. `/api/v1/…` (where the /v1 rewrite lands) is reported as `/v1/…`.
 */
export function routeTemplate(pathname: string, params: Record<string, string | string[] | undefined>): string {
  const byValue = new Map<string, string>();
  for (const [name, value] of Object.entries(params)) {
    if (Array.isArray(value)) value.forEach((segment) => byValue.set(segment, `:${name}*`));
    else if (value) byValue.set(value, `:${name}`);
  }
  const segments = pathname.replace(/^\/api(?=\/v1(\/|$))/, "").split("/").map((segment) => {
    const decoded = safeDecode(segment);
    return byValue.get(decoded) ?? byValue.get(segment) ?? segment;
  });
  // Consecutive segments of one catch-all collapse into one.
  return segments.filter((segment, index) => !(segment.endsWith("*") && segments[index - 1] === segment)).join("/") || "/";
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Runs one API or callback request inside its request context: the request id (the caller's
 * `x-request-id` or a new one) is on every log line and every job the request enqueues, and is
 * returned in the response's `x-request-id`; the request is counted and timed by route template.
 */
export async function observeRequest(
  request: Request,
  params: Record<string, string | string[] | undefined>,
  handle: () => Promise<Response>,
): Promise<Response> {
  const context: RequestContext = {
    requestId: requestIdFrom(request.headers),
    ip: clientIpFrom(request.headers),
    userAgent: request.headers.get("user-agent"),
  };
  const started = performance.now();
  return runWithContext(context, async () => {
    const response = await handle();
    const seconds = (performance.now() - started) / 1000;
    const route = routeTemplate(new URL(request.url).pathname, params);
    metrics.httpRequests.inc({ route, method: request.method, status: String(response.status) });
    metrics.httpDuration.observe({ route, method: request.method }, seconds);
    log.debug("request handled", { method: request.method, route, status: response.status, ms: Math.round(seconds * 1000) });
    return withHeader(response, "x-request-id", context.requestId);
  });
}

/** Responses built from another response (a proxied fetch, a redirect) have immutable headers. */
function withHeader(response: Response, name: string, value: string): Response {
  try {
    response.headers.set(name, value);
    return response;
  } catch {
    const copy = new Response(response.body, response);
    copy.headers.set(name, value);
    return copy;
  }
}
