import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { closeQueues, upsertSchedules } from "@/lib/queue/enqueue";
import { exitIfUnsafeToStart } from "@/lib/startup/check-startup-env";
import { workerAreas } from "@/workers/areas";
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
  log.info("worker ready", { queuePrefix: env.QUEUE_PREFIX, provider: env.SMS_PROVIDER, mode: env.SEMA_MODE, schedules: schedules.length });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info("shutting down: letting in-flight jobs finish", { signal, timeoutMs: env.WORKER_SHUTDOWN_TIMEOUT_MS });
    const forced = await closeWithin(running, env.WORKER_SHUTDOWN_TIMEOUT_MS);
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
