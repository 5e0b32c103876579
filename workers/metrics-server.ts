import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { logger } from "@/lib/logger";
import { metricsResponse } from "@/lib/observability/metrics-endpoint";
import { checkReadiness } from "@/lib/observability/readiness";
import { registerWorkerCollectors } from "@/lib/observability/worker-collectors";

const log = logger.child({ component: "worker-metrics" });

export interface MetricsServer {
  port: number;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, { "content-type": contentType, "cache-control": "no-store" });
  res.end(body);
}

const sendJson = (res: ServerResponse, status: number, body: unknown) => send(res, status, "application/json", JSON.stringify(body));

/**
 * The worker's own scrape target and probes on WORKER_METRICS_PORT (0 = any free port):
 * GET /metrics (Prometheus text; METRICS_TOKEN when set), /health (the process answers) and
 * /ready (Postgres, Redis, a usable provider — the web app's /api/ready checks).
 */
export async function startMetricsServer(port: number): Promise<MetricsServer> {
  registerWorkerCollectors();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://worker").pathname;
    const handle = async () => {
      if (req.method !== "GET") return sendJson(res, 405, { error: { code: "method_not_allowed", message: "GET only" } });
      if (path === "/metrics") {
        const scrape = await metricsResponse(req.headers.authorization ?? null);
        return send(res, scrape.status, scrape.contentType, scrape.body);
      }
      if (path === "/health") return sendJson(res, 200, { status: "ok" });
      if (path === "/ready") {
        const readiness = await checkReadiness();
        return sendJson(res, readiness.ready ? 200 : 503, readiness);
      }
      return sendJson(res, 404, { error: { code: "not_found", message: `No route for GET ${path}` } });
    };
    handle().catch((error: unknown) => {
      log.error("metrics request failed", { path, err: error });
      if (!res.headersSent) sendJson(res, 500, { error: { code: "internal_error", message: "metrics unavailable" } });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, () => {
      server.off("error", reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
