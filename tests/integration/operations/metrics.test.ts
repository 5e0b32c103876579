import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as dlrCallback } from "@/app/api/callbacks/celcom/dlr/route";
import { GET as metricsRoute } from "@/app/metrics/route";
import { POST as sendRoute } from "@/app/api/v1/messages/route";
import { env } from "@/lib/env";
import { createProvider } from "@/lib/providers";
import { createCelcomSimulator, type CelcomSimulator } from "@/simulators/celcom/create-celcom-simulator";
import { createTestAccount } from "@/tests/helpers/accounts";
import { callRoute } from "@/tests/helpers/http";
import { messageWithEvents, waitFor } from "@/tests/helpers/messages";
import { startDlr } from "@/workers/dlr";
import { startMetricsServer, type MetricsServer } from "@/workers/metrics-server";
import type { Closeable } from "@/workers/runtime";
import { startSending } from "@/workers/sending";

let simulator: CelcomSimulator;
let sending: Closeable;
let dlr: Closeable;

beforeAll(async () => {
  simulator = await createCelcomSimulator({ dlrEnabled: false });
  sending = await startSending({ provider: createProvider({ kind: "simulator", baseUrl: simulator.url, timeoutMs: 2_000 }), backoffMs: 30, concurrency: 5 });
  dlr = startDlr({ batchSize: 10, batchWaitMs: 20 });
});

afterAll(async () => {
  await sending?.close();
  await dlr?.close();
  await simulator?.close();
});

async function scrape(): Promise<string> {
  const response = await metricsRoute(new Request("http://localhost/metrics"));
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/plain");
  return response.text();
}

/** Sum of the samples of `name` whose labels include every label given. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  let total = 0;
  for (const line of text.split("\n")) {
    const match = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = Object.fromEntries([...(match[2] ?? "").matchAll(/(\w+)="([^"]*)"/g)].map((label) => [label[1], label[2]]));
    if (Object.entries(labels).every(([key, value]) => present[key] === value)) total += Number(match[3]);
  }
  return total;
}

describe("metrics", () => {
  it("exposes sema_ metrics that move with a message from acceptance to delivery", async () => {
    const before = await scrape();
    const account = await createTestAccount({ credits: 1_000 });
    const sent = await callRoute<{ messageId: string }>(sendRoute, { path: "/v1/messages", apiKey: account.apiKey, body: { to: "+254712500001", from: account.senderId, body: "Metrics" } });
    expect(sent.status).toBe(202);
    const message = await waitFor(async () => {
      const current = await messageWithEvents(sent.body.messageId);
      return current.status === "sent" ? current : null;
    }, 15_000, "the message to be sent");
    const report = { description: "DeliveredToTerminal", messageid: message.providerMessageId, timeTaken: "2s", timestamp: "2026-12-01 10:00:00" };
    expect((await callRoute(dlrCallback, { path: "/api/callbacks/celcom/dlr", body: report, headers: { "x-callback-token": env.DLR_CALLBACK_TOKEN } })).status).toBe(200);
    await waitFor(async () => (await messageWithEvents(sent.body.messageId)).status === "delivered", 15_000, "the message to be delivered");
    const after = await scrape();

    const moved = (name: string, labels: Record<string, string> = {}) => sample(after, name, labels) - sample(before, name, labels);
    expect(moved("sema_messages_total", { status: "submitted", mno: "Safaricom", class: "transactional" })).toBe(1);
    expect(moved("sema_messages_total", { status: "sent", provider: "celcom", mno: "Safaricom", class: "transactional" })).toBe(1);
    expect(moved("sema_messages_total", { status: "delivered", provider: "celcom", mno: "Safaricom", class: "transactional" })).toBe(1);
    expect(moved("sema_messages_total", { status: "delivered", class: "promotional" })).toBe(0);
    expect(moved("sema_message_accept_to_sent_seconds_count", { provider: "celcom" })).toBe(1);
    expect(moved("sema_message_sent_to_final_seconds_count", { provider: "celcom", status: "delivered" })).toBe(1);
    expect(moved("sema_provider_request_duration_seconds_count", { provider: "celcom", operation: "send", outcome: "ok" })).toBe(1);
    expect(moved("sema_http_requests_total", { route: "/v1/messages", method: "POST", status: "202" })).toBe(1);
    expect(moved("sema_http_requests_total", { route: "/api/callbacks/celcom/dlr", method: "POST", status: "200" })).toBe(1);
    expect(moved("sema_dlr_batch_size_count")).toBeGreaterThanOrEqual(1);
    expect(moved("sema_dlr_lag_seconds_count")).toBeGreaterThanOrEqual(1);
    expect(moved("sema_dlr_reports_total", { result: "changed" })).toBe(1);
    expect(moved("sema_jobs_total", { queue: "sms.normal", outcome: "completed" })).toBe(1);
    // Node process metrics carry the prefix too.
    expect(after).toMatch(/^sema_process_cpu_user_seconds_total \d/m);
    expect(after).toMatch(/^sema_nodejs_heap_size_used_bytes \d/m);
    expect(after.split("\n").filter((line) => line && !line.startsWith("#")).every((line) => line.startsWith("sema_"))).toBe(true);
  });

  it("counts provider failures by code and reports the provider's breaker state", async () => {
    simulator.updateConfig({ rules: [{ mobileSuffix: "712500002", fail: { code: 1003 } }] });
    const account = await createTestAccount({ credits: 1_000 });
    const before = await scrape();
    await callRoute(sendRoute, { apiKey: account.apiKey, body: { to: "+254712500002", from: account.senderId, body: "Refused" } });
    await waitFor(async () => {
      const text = await scrape();
      return sample(text, "sema_provider_failures_total", { code: "celcom_1003_invalid_mobile" }) > sample(before, "sema_provider_failures_total", { code: "celcom_1003_invalid_mobile" });
    }, 15_000, "the failure to be counted");
    const after = await scrape();
    expect(sample(after, "sema_provider_request_duration_seconds_count", { operation: "send", outcome: "permanent" })).toBeGreaterThanOrEqual(1);
    expect(after).toMatch(/^sema_provider_breaker_state\{provider="celcom"\} 0$/m);
  });

  it("serves the worker's metrics, liveness and readiness on its own port", async () => {
    const server: MetricsServer = await startMetricsServer(0);
    try {
      const base = `http://127.0.0.1:${server.port}`;
      const metrics = await fetch(`${base}/metrics`);
      expect(metrics.status).toBe(200);
      const text = await metrics.text();
      expect(text).toMatch(/^sema_queue_depth\{queue="sms\.normal",state="waiting"\} \d+$/m);
      expect(text).toMatch(/^sema_queue_oldest_job_age_seconds\{queue="dlr\.inbound"\} [\d.]+$/m);
      expect(await (await fetch(`${base}/health`)).json()).toEqual({ status: "ok" });
      const ready = await fetch(`${base}/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ ready: true, checks: { postgres: { ok: true }, redis: { ok: true }, providers: { ok: true } } });
      expect((await fetch(`${base}/nope`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
