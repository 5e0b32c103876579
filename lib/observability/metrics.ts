import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { BREAKER_STATE_VALUE, providerHealth } from "@/lib/providers/provider-health";

// Every Prometheus metric of the platform, in one registry per process (the web app and each
// worker expose their own; Prometheus adds them up). Names start with `sema_`; docs/operations.md
// says what each one means and which deserve alerts.

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "sema_" });
  const registers = [registry];

  return {
    registry,
    /** Messages entering a status. `mno` is the recipient's network; `provider` is empty before a send. */
    messages: new Counter({
      name: "sema_messages_total",
      help: "Messages entering each status, by provider, mobile network and class (transactional/promotional)",
      labelNames: ["status", "provider", "mno", "class"] as const,
      registers,
    }),
    acceptToSent: new Histogram({
      name: "sema_message_accept_to_sent_seconds",
      help: "Time from a message's acceptance to the provider accepting it",
      labelNames: ["provider", "mno"] as const,
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600],
      registers,
    }),
    sentToFinal: new Histogram({
      name: "sema_message_sent_to_final_seconds",
      help: "Time from the provider accepting a message to its final status",
      labelNames: ["provider", "mno", "status"] as const,
      buckets: [1, 5, 10, 30, 60, 300, 900, 3600, 6 * 3600, 24 * 3600, 48 * 3600],
      registers,
    }),
    providerRequests: new Histogram({
      name: "sema_provider_request_duration_seconds",
      help: "Provider API requests by operation and outcome (ok, retryable, permanent)",
      labelNames: ["provider", "operation", "outcome"] as const,
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    providerFailures: new Counter({
      name: "sema_provider_failures_total",
      help: "Failed provider results by failure code",
      labelNames: ["provider", "code"] as const,
      registers,
    }),
    providerBreakerState: new Gauge({
      name: "sema_provider_breaker_state",
      help: "Provider health as a breaker: 0 closed (healthy), 1 half-open (probing), 2 open (every recent request failed)",
      labelNames: ["provider"] as const,
      registers,
      // This process's own view, derived at scrape time (open turns half-open with time alone).
      collect() {
        for (const snapshot of providerHealth.snapshots()) this.set({ provider: snapshot.provider }, BREAKER_STATE_VALUE[snapshot.state]);
      },
    }),
    dlrBatchSize: new Histogram({
      name: "sema_dlr_batch_size",
      help: "Delivery reports applied per batch statement",
      buckets: [1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500],
      registers,
    }),
    dlrLag: new Histogram({
      name: "sema_dlr_lag_seconds",
      help: "Time from receiving a delivery report to applying it",
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900],
      registers,
    }),
    dlrReports: new Counter({
      name: "sema_dlr_reports_total",
      help: "Delivery reports applied, by result (changed a message, orphan, unchanged)",
      labelNames: ["result"] as const,
      registers,
    }),
    dlrPulls: new Counter({
      name: "sema_dlr_pulls_total",
      help: "Delivery reports asked of a provider before expiring a message (getdlr, query_sm), by outcome: final, pending, unknown, failed",
      labelNames: ["provider", "outcome"] as const,
      registers,
    }),
    inboxRequeued: new Counter({
      name: "sema_inbox_requeued_total",
      help: "Durable inbox rows (acknowledged DLRs and inbound messages) queued again by the reconciler after Redis lost them",
      labelNames: ["queue"] as const,
      registers,
    }),
    webhookDeliveries: new Counter({
      name: "sema_webhook_deliveries_total",
      help: "Webhook delivery attempts by outcome (succeeded, retrying, failed)",
      labelNames: ["outcome"] as const,
      registers,
    }),
    webhookLatency: new Histogram({
      name: "sema_webhook_delivery_duration_seconds",
      help: "Webhook request latency by outcome",
      labelNames: ["outcome"] as const,
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    inboundMessages: new Counter({
      name: "sema_inbound_messages_total",
      help: "Inbound (mobile-originated) messages received, by provider",
      labelNames: ["provider"] as const,
      registers,
    }),
    optOuts: new Counter({
      name: "sema_opt_outs_total",
      help: "Opt-outs recorded, by source (keyword, api, portal)",
      labelNames: ["source"] as const,
      registers,
    }),
    deadLetters: new Counter({
      name: "sema_dead_letter_events_total",
      help: "Dead-letter queue movements: parked, replayed, discarded, expired",
      labelNames: ["action", "provider", "reason"] as const,
      registers,
    }),
    httpRequests: new Counter({
      name: "sema_http_requests_total",
      help: "API and callback requests by route template, method and status",
      labelNames: ["route", "method", "status"] as const,
      registers,
    }),
    httpDuration: new Histogram({
      name: "sema_http_request_duration_seconds",
      help: "API and callback request duration by route template and method",
      labelNames: ["route", "method"] as const,
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    jobs: new Counter({
      name: "sema_jobs_total",
      help: "Queue jobs processed, by queue and outcome (completed, failed)",
      labelNames: ["queue", "outcome"] as const,
      registers,
    }),
    jobDuration: new Histogram({
      name: "sema_job_duration_seconds",
      help: "Queue job processing time by queue",
      labelNames: ["queue"] as const,
      buckets: [0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300],
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

// Next.js may load this module more than once per process (one copy per route bundle); the
// registry and its metrics must still exist once.
const globalForMetrics = globalThis as unknown as { semaMetrics?: Metrics };

export const metrics: Metrics = (globalForMetrics.semaMetrics ??= createMetrics());

/** One group of messages that entered a status together (as returned by a transition statement). */
export interface StatusTally {
  status: string;
  provider: string | null;
  mno: string | null;
  /** transactional or promotional. */
  class?: string | null;
  count: number;
  /** Seconds from the previous milestone (accepted → sent, sent → final), one per message, when measured. */
  latencies?: (number | null)[] | null;
}

/** Feeds the message counters and latency histograms from what a transition statement changed. */
export function recordStatusTallies(tallies: readonly StatusTally[]): void {
  for (const tally of tallies) {
    const provider = tally.provider ?? "";
    const mno = tally.mno ?? "";
    metrics.messages.inc({ status: tally.status, provider, mno, class: tally.class ?? "" }, tally.count);
    if (!tally.latencies) continue;
    for (const seconds of tally.latencies) {
      if (seconds === null) continue;
      if (tally.status === "sent") metrics.acceptToSent.observe({ provider, mno }, seconds);
      else metrics.sentToFinal.observe({ provider, mno, status: tally.status }, seconds);
    }
  }
}

/** The exposition text of this process's registry. */
export async function metricsText(): Promise<{ contentType: string; body: string }> {
  return { contentType: metrics.registry.contentType, body: await metrics.registry.metrics() };
}

/** One applied DLR batch: its size, each report's lag since it was received, and what it changed. */
export function recordDlrBatch(receivedAt: readonly Date[], result: { received: number; changed: number; orphans: number }, now = Date.now()): void {
  metrics.dlrBatchSize.observe(result.received);
  for (const at of receivedAt) metrics.dlrLag.observe(Math.max(0, now - at.getTime()) / 1000);
  metrics.dlrReports.inc({ result: "changed" }, result.changed);
  metrics.dlrReports.inc({ result: "orphan" }, result.orphans);
  metrics.dlrReports.inc({ result: "unchanged" }, Math.max(0, result.received - result.changed - result.orphans));
}

/** Settled webhook attempts: outcome (succeeded, retrying, failed) and the request's latency when one was made. */
export function recordWebhookAttempts(attempts: readonly { outcome: "succeeded" | "retrying" | "failed"; latencyMs: number | null }[]): void {
  for (const attempt of attempts) {
    metrics.webhookDeliveries.inc({ outcome: attempt.outcome });
    if (attempt.latencyMs !== null) metrics.webhookLatency.observe({ outcome: attempt.outcome }, attempt.latencyMs / 1000);
  }
}
