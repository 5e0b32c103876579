import { Worker, type Job, type WorkerOptions } from "bullmq";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { metrics } from "@/lib/observability/metrics";
import { runWithContext } from "@/lib/observability/request-context";
import { createRedisConnection } from "@/lib/queue/connection";
import { queues, type JobPayload, type QueueKey } from "@/lib/queue/registry";

export interface Closeable {
  close(): Promise<void>;
}

/** Workers this process started, by queue: the entry point checks that every queue has one. */
const started = new Map<Worker, QueueKey>();

/** The request id a job was enqueued under (lib/queue/enqueue.ts), or one naming the job itself. */
export function jobRequestId(queueName: string, job: Pick<Job, "id" | "data">): string {
  const carried = (job.data as { requestId?: unknown } | undefined)?.requestId;
  return typeof carried === "string" ? carried : `job:${queueName}:${job.id}`;
}

/**
 * Times a job is handed to another worker after the one running it died (BullMQ's stalled-job
 * recovery; its default is once, then the job fails), for queues whose jobs are safe to run again:
 * sends claim their messages in Postgres and DLR batches only move statuses forward. With workers
 * killed in turn, a job can outlive more than one of them.
 */
export const RERUNNABLE_JOB_STALLS = 5;

/**
 * A BullMQ Worker for one registered queue: its own Redis connection, the run's key prefix,
 * and payloads parsed with the queue's schema before the processor sees them. Every job runs in
 * a request context carrying the id of the request that enqueued it (so its log lines and the
 * jobs it enqueues carry it on) with the system as actor, and is counted and timed per queue.
 */
export function createQueueWorker<K extends QueueKey, R = unknown>(
  key: K,
  processor: (payload: JobPayload<K>, job: Job) => Promise<R>,
  options: Omit<WorkerOptions, "connection" | "prefix"> = {},
): Worker {
  const definition = queues[key];
  const connection = createRedisConnection();
  const log = logger.child({ queue: definition.name });
  const run = async (job: Job) => {
    const context = { requestId: jobRequestId(definition.name, job), actor: { type: "system" as const, id: null, label: definition.name, accountId: null } };
    return runWithContext(context, async () => {
      const stopTimer = metrics.jobDuration.startTimer({ queue: definition.name });
      try {
        const result = await processor(definition.payload.parse(job.data) as JobPayload<K>, job);
        metrics.jobs.inc({ queue: definition.name, outcome: "completed" });
        log.debug("job completed", { jobId: job.id });
        return result;
      } catch (error) {
        metrics.jobs.inc({ queue: definition.name, outcome: "failed" });
        throw error;
      } finally {
        stopTimer();
      }
    });
  };
  const worker = new Worker(definition.name, run, { concurrency: 1, ...options, connection, prefix: env.QUEUE_PREFIX });
  worker.on("failed", (job, error) => {
    const fields = { jobId: job?.id, attempts: job?.attemptsMade, err: error };
    if (job) runWithContext({ requestId: jobRequestId(definition.name, job) }, () => log.warn("job failed", fields));
    else log.warn("job failed", fields);
  });
  worker.on("error", (error) => log.error("worker error", { err: error }));
  worker.on("closed", () => {
    started.delete(worker);
    connection.quit().catch(() => connection.disconnect());
  });
  started.set(worker, key);
  return worker;
}

/** Queues of the registry that no running worker of this process consumes. */
export function queuesWithoutWorker(): QueueKey[] {
  const consumed = new Set(started.values());
  return (Object.keys(queues) as QueueKey[]).filter((key) => !consumed.has(key));
}

/**
 * Closes `handles` (each stops fetching and waits for its in-flight jobs), but waits no longer than
 * `timeoutMs`. Returns false when everything closed in time; true when jobs were still running:
 * the caller then exits anyway, and those jobs are released, not lost — their locks lapse without
 * the process renewing them, and another worker (or this one, restarted) runs them again as
 * stalled jobs. Every processor is safe to repeat: statuses only move forward.
 */
export async function closeWithin(handles: readonly Closeable[], timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  const closed = Promise.allSettled(handles.map((handle) => handle.close())).then(() => "closed" as const);
  const outcome = await Promise.race([closed, deadline]);
  clearTimeout(timer);
  return outcome === "timeout";
}

/**
 * How a worker process stops (SIGTERM or SIGINT): every handle stops fetching jobs and gets up to
 * `timeoutMs` for the ones in flight (a batch send records what the provider answered). When they
 * finish, `cleanup` closes the process's connections: "stopped". When they do not, nothing is
 * closed under them (a job whose database connection went away would fail instead of being
 * released): "released", and the caller exits with them still running, so their locks lapse and
 * they run again as stalled jobs; messages a batch had claimed stay `queued` until the reconciler
 * re-enqueues them (RECONCILE_AFTER_SECONDS), and a claim only ever moves forward.
 */
export async function stopWorker(handles: readonly Closeable[], timeoutMs: number, cleanup: () => Promise<void>): Promise<"stopped" | "released"> {
  if (await closeWithin(handles, timeoutMs)) return "released";
  await cleanup();
  return "stopped";
}
