import { Gauge } from "prom-client";
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { metrics } from "@/lib/observability/metrics";
import { getQueue } from "@/lib/queue/enqueue";
import { queueKeys, queues } from "@/lib/queue/registry";

const log = logger.child({ component: "metrics" });

/** Scrapes closer together than this reuse the last reading instead of asking Redis and Postgres again. */
const READING_TTL_MS = 5_000;
const JOB_STATES = ["waiting", "active", "delayed", "failed", "prioritized"] as const;

/** `load` at most once per `ttlMs`; concurrent callers share one reading. */
function cachedReading<T>(load: () => Promise<T>, ttlMs: number): () => Promise<T> {
  let reading: { at: number; value: Promise<T> } | null = null;
  return () => {
    if (!reading || Date.now() - reading.at > ttlMs) {
      const value = load();
      reading = { at: Date.now(), value };
      value.catch(() => {
        reading = null;
      });
    }
    return reading.value;
  };
}

interface QueueReading {
  queue: string;
  counts: Record<string, number>;
  oldestWaitingSeconds: number;
}

async function readQueues(): Promise<QueueReading[]> {
  const now = Date.now();
  return Promise.all(
    queueKeys.map(async (key) => {
      const queue = getQueue(key);
      const [counts, [oldest]] = await Promise.all([queue.getJobCounts(...JOB_STATES), queue.getJobs(["wait"], 0, 0, true)]);
      return { queue: queues[key].name, counts, oldestWaitingSeconds: oldest ? Math.max(0, now - oldest.timestamp) / 1000 : 0 };
    }),
  );
}

async function readDeadLetters(): Promise<{ provider: string; reason: string; count: number }[]> {
  return db.$queryRaw`
    SELECT provider, reason, count(*)::int AS count FROM message_dead_letters WHERE resolved_at IS NULL GROUP BY 1, 2`;
}

/** Runs a collector, leaving its gauge empty (not the whole scrape failing) when a backend is down. */
async function tolerant(what: string, collect: () => Promise<void>): Promise<void> {
  try {
    await collect();
  } catch (error) {
    log.warn(`could not read ${what} for metrics`, { err: error });
  }
}

const globalForCollectors = globalThis as unknown as { semaWorkerCollectors?: boolean };

/**
 * The gauges read from the backends at scrape time, registered by the worker only (one process
 * kind reports them, so Prometheus does not add up the same queue twice): jobs per queue and state,
 * the age of each queue's oldest waiting job, and open dead letters by provider and reason.
 */
export function registerWorkerCollectors(): void {
  if (globalForCollectors.semaWorkerCollectors) return;
  globalForCollectors.semaWorkerCollectors = true;
  const registers = [metrics.registry];
  const queueReading = cachedReading(readQueues, READING_TTL_MS);
  const deadLetterReading = cachedReading(readDeadLetters, READING_TTL_MS);

  new Gauge({
    name: "sema_queue_depth",
    help: "Jobs per queue and state (waiting, active, delayed, failed, prioritized)",
    labelNames: ["queue", "state"] as const,
    registers,
    async collect() {
      await tolerant("queue depth", async () => {
        const readings = await queueReading();
        this.reset();
        for (const reading of readings) for (const state of JOB_STATES) this.set({ queue: reading.queue, state }, reading.counts[state] ?? 0);
      });
    },
  });
  new Gauge({
    name: "sema_queue_oldest_job_age_seconds",
    help: "Age of the oldest waiting job per queue (0 when none waits)",
    labelNames: ["queue"] as const,
    registers,
    async collect() {
      await tolerant("queue age", async () => {
        const readings = await queueReading();
        this.reset();
        for (const reading of readings) this.set({ queue: reading.queue }, reading.oldestWaitingSeconds);
      });
    },
  });
  new Gauge({
    name: "sema_dead_letters",
    help: "Messages parked in the dead-letter queue, by provider and failure code",
    labelNames: ["provider", "reason"] as const,
    registers,
    async collect() {
      await tolerant("dead letters", async () => {
        const rows = await deadLetterReading();
        this.reset();
        for (const row of rows) this.set({ provider: row.provider, reason: row.reason }, row.count);
      });
    },
  });
}
