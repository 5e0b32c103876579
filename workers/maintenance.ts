import { logger } from "@/lib/logger";
import { pruneExpiredIdempotencyRecords } from "@/lib/idempotency/idempotency";
import { type JobPayload } from "@/lib/queue/registry";
import { reconcileStuckMessages } from "@/lib/sending/reconcile-messages";
import { reconcileValidationRuns } from "@/lib/contacts/validate-contacts";
import { reconcileInboxes } from "@/lib/queue/durable-inbox";
import { expireDeadLetters } from "@/lib/dead-letters/discard-dead-letters";
import { createQueueWorker, type Closeable } from "@/workers/runtime";

type MaintenanceTask = JobPayload<"maintenance">["task"];

const log = logger.child({ component: "maintenance" });

/** What each periodic housekeeping task does (how often: its schedule in lib/queue/registry.ts). */
const maintenanceTasks: Record<MaintenanceTask, () => Promise<unknown>> = {
  "reconcile-messages": () => reconcileStuckMessages(),
  "reconcile-validation": () => reconcileValidationRuns(),
  "prune-idempotency": () => pruneExpiredIdempotencyRecords(),
  "expire-dead-letters": () => expireDeadLetters(),
  "reconcile-inboxes": () => reconcileInboxes(),
};

export function startMaintenance(): Closeable {
  const worker = createQueueWorker("maintenance", async ({ task }) => {
    const result = await maintenanceTasks[task]();
    log.debug("maintenance task done", { task, result });
    return result;
  });
  return { close: () => worker.close() };
}
