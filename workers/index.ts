import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { closeQueues, upsertSchedules } from "@/lib/queue/enqueue";
import { exitIfUnsafeToStart } from "@/lib/startup/check-startup-env";
import { workerAreas } from "@/workers/areas";
import { startMetricsServer } from "@/workers/metrics-server";
import { closeWithin, queuesWithoutWorker, type Closeable } from "@/workers/runtime";

const log = logger.child({ component: "worker" });

async function main() {
  exitIfUnsafeToStart("worker");
  const running: Closeable[] = [];
  for (const area of workerAreas) {
    running.push(await area.start());
    log.info("started", { area: area.name });
  }
  const orphaned = queuesWithoutWorker();
  if (orphaned.length > 0) throw new Error(`queues without a processor: ${orphaned.join(", ")}`);
  const schedules = await upsertSchedules();
  // A worker that cannot bind its metrics port (another worker on the host has it) still works.
  const metricsServer = await startMetricsServer(env.WORKER_METRICS_PORT).catch((error: unknown) => {
    log.error("metrics server not started: set WORKER_METRICS_PORT to a free port", { port: env.WORKER_METRICS_PORT, err: error });
    return null;
  });
  log.info("worker ready", { queuePrefix: env.QUEUE_PREFIX, provider: env.SMS_PROVIDER, mode: env.SEMA_MODE, schedules: schedules.length, metricsPort: metricsServer?.port ?? null });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info("shutting down: letting in-flight jobs finish", { signal, timeoutMs: env.WORKER_SHUTDOWN_TIMEOUT_MS });
    const forced = await closeWithin(running, env.WORKER_SHUTDOWN_TIMEOUT_MS);
    await metricsServer?.close();
    if (forced) log.warn("in-flight jobs did not finish in time; released for another worker to run again");
    await closeQueues();
    await db.$disconnect();
    log.info("worker stopped");
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  logger.error("worker failed to start", { err: error });
  process.exit(1);
});
