import { metricsResponse } from "@/lib/observability/metrics-endpoint";

export const dynamic = "force-dynamic";

/** Prometheus scrape target of the web app (the worker serves its own on WORKER_METRICS_PORT). */
export async function GET(request: Request): Promise<Response> {
  const { status, contentType, body } = await metricsResponse(request.headers.get("authorization"));
  return new Response(body, { status, headers: { "content-type": contentType, "cache-control": "no-store" } });
}
