import { Worker, type Job, type WorkerOptions } from "bullmq";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { createRedisConnection } from "@/lib/queue/connection";
import { queues, type JobPayload, type QueueKey } from "@/lib/queue/registry";

export interface Closeable {
  close(): Promise<void>;
}

/**
 * A BullMQ Worker for one registered queue: its own Redis connection, the run's key prefix,
 * and payloads parsed with the queue's schema before the processor sees them.
 */
export function createQueueWorker<K extends QueueKey, R = unknown>(
  key: K,
  processor: (payload: JobPayload<K>, job: Job) => Promise<R>,
  options: Omit<WorkerOptions, "connection" | "prefix"> = {},
): Worker {
  const definition = queues[key];
  const connection = createRedisConnection();
  const worker = new Worker(
    definition.name,
    async (job: Job) => processor(definition.payload.parse(job.data) as JobPayload<K>, job),
    { concurrency: 1, ...options, connection, prefix: env.QUEUE_PREFIX },
  );
  const log = logger.child({ queue: definition.name });
  worker.on("failed", (job, error) => log.warn("job failed", { jobId: job?.id, attempts: job?.attemptsMade, err: error }));
  worker.on("error", (error) => log.error("worker error", { err: error }));
  worker.on("closed", () => {
    connection.quit().catch(() => connection.disconnect());
  });
  return worker;
}
