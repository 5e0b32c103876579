import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { pruneExpiredIdempotencyRecords } from "@/lib/idempotency/idempotency";
import { getQueue } from "@/lib/queue/enqueue";
import { queues, type JobPayload } from "@/lib/queue/registry";
import { reconcileStuckMessages } from "@/lib/sending/reconcile-messages";
import { reconcileValidationRuns } from "@/lib/contacts/validate-contacts";
import { createQueueWorker, type Closeable } from "@/workers/runtime";

type MaintenanceTask = JobPayload<"maintenance">["task"];

interface TaskDefinition {
  /** How often the task runs; one job scheduler per task, shared by every worker process. */
  everyMs: number;
  run(): Promise<unknown>;
}

const log = logger.child({ component: "maintenance" });

/**
 * Periodic housekeeping on the `maintenance` queue. Each task is a job scheduler in Redis, so with
 * several worker processes a task still runs once per interval. Areas add their task here.
 */
export const maintenanceTasks: Partial<Record<MaintenanceTask, TaskDefinition>> = {
  "reconcile-messages": { everyMs: env.RECONCILE_INTERVAL_SECONDS * 1_000, run: () => reconcileStuckMessages() },
  "reconcile-validation": { everyMs: env.RECONCILE_INTERVAL_SECONDS * 1_000, run: () => reconcileValidationRuns() },
  "prune-idempotency": { everyMs: 3_600_000, run: () => pruneExpiredIdempotencyRecords() },
};

export async function startMaintenance(): Promise<Closeable> {
  const queue = getQueue("maintenance");
  const scheduled = Object.entries(maintenanceTasks) as [MaintenanceTask, TaskDefinition][];
  for (const [task, definition] of scheduled) {
    await queue.upsertJobScheduler(task, { every: definition.everyMs }, { name: queues.maintenance.name, data: { task } });
  }
  const worker = createQueueWorker("maintenance", async ({ task }) => {
    const definition = maintenanceTasks[task];
    if (!definition) throw new Error(`no maintenance task "${task}" is registered in this worker`);
    const result = await definition.run();
    log.debug("maintenance task done", { task, result });
    return result;
  });
  return { close: () => worker.close() };
}
