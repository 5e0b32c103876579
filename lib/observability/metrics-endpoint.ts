import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { metricsText } from "@/lib/observability/metrics";

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}

/** Without METRICS_TOKEN the metrics are open (local and demo runs); with it, `Bearer <token>` is required. */
export function metricsAuthorized(authorization: string | null, token: string | undefined = env.METRICS_TOKEN): boolean {
  if (!token) return true;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? "");
  // Equal-length digests, so the comparison takes the same time whatever the guess.
  return match !== null && timingSafeEqual(digest(match[1]), digest(token));
}

/** `GET /metrics` for the web app and the worker: Prometheus text, or 401. */
export async function metricsResponse(authorization: string | null): Promise<{ status: number; contentType: string; body: string }> {
  if (!metricsAuthorized(authorization)) {
    return { status: 401, contentType: "text/plain; charset=utf-8", body: "metrics require Authorization: Bearer <METRICS_TOKEN>\n" };
  }
  const { contentType, body } = await metricsText();
  return { status: 200, contentType, body };
}
