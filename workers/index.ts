import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { closeQueues, upsertSchedules } from "@/lib/queue/enqueue";
import { exitIfUnsafeToStart } from "@/lib/startup/check-startup-env";
import { workerAreas } from "@/workers/areas";
import { startMetricsServer, type MetricsServer } from "@/workers/metrics-server";
import { queuesWithoutWorker, stopWorker, type Closeable } from "@/workers/runtime";

const log = logger.child({ component: "worker" });

const running: Closeable[] = [];
let metricsServer: MetricsServer | null = null;
/** The area being started: a stop waits for it, so a processor that has begun fetching is closed too. */
let starting: Promise<void> = Promise.resolve();
let stopping = false;

/**
 * SIGTERM/SIGINT: stop fetching, let in-flight jobs finish within WORKER_SHUTDOWN_TIMEOUT_MS, then
 * exit (workers/runtime.ts stopWorker). Handlers are in place before the first processor starts, so
 * a signal during start-up also stops the worker gracefully.
 */
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info("shutting down: no new jobs, letting in-flight jobs finish", { signal, timeoutMs: env.WORKER_SHUTDOWN_TIMEOUT_MS });
  await starting.catch(() => {});
  const outcome = await stopWorker(running, env.WORKER_SHUTDOWN_TIMEOUT_MS, async () => {
    await metricsServer?.close();
    await closeQueues();
    await db.$disconnect();
  });
  if (outcome === "released") log.warn("in-flight jobs did not finish in time; released for another worker to run again");
  else log.info("worker stopped");
  process.exit(0);
}

async function main() {
  exitIfUnsafeToStart("worker");
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  for (const area of workerAreas) {
    if (stopping) return;
    starting = Promise.resolve(area.start()).then((handle) => {
      running.push(handle);
    });
    await starting;
    log.info("started", { area: area.name });
  }
  const orphaned = queuesWithoutWorker();
  if (orphaned.length > 0) throw new Error(`queues without a processor: ${orphaned.join(", ")}`);
  const schedules = await upsertSchedules();
  // A worker that cannot bind its metrics port (another worker on the host has it) still works.
  metricsServer = await startMetricsServer(env.WORKER_METRICS_PORT).catch((error: unknown) => {
    log.error("metrics server not started: set WORKER_METRICS_PORT to a free port", { port: env.WORKER_METRICS_PORT, err: error });
    return null;
  });
  log.info("worker ready", { queuePrefix: env.QUEUE_PREFIX, provider: env.SMS_PROVIDER, mode: env.SEMA_MODE, schedules: schedules.length, metricsPort: metricsServer?.port ?? null });
}

main().catch((error: unknown) => {
  logger.error("worker failed to start", { err: error });
  process.exit(1);
});
