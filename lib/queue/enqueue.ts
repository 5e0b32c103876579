import { Queue, type JobsOptions } from "bullmq";
import { env } from "@/lib/env";
import { closeSharedRedis, sharedRedis } from "@/lib/queue/connection";
import { queues, type JobPayload, type QueueKey } from "@/lib/queue/registry";

const globalForQueues = globalThis as unknown as { semaQueues?: Map<QueueKey, Queue> };

/** Jobs are removed once done; Postgres keeps the history, Redis only carries work. */
const DEFAULT_JOB_OPTIONS: JobsOptions = {
  removeOnComplete: true,
  removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
};

export function getQueue(key: QueueKey): Queue {
  globalForQueues.semaQueues ??= new Map();
  let queue = globalForQueues.semaQueues.get(key);
  if (!queue) {
    queue = new Queue(queues[key].name, {
      connection: sharedRedis(),
      prefix: env.QUEUE_PREFIX,
      defaultJobOptions: DEFAULT_JOB_OPTIONS,
    });
    globalForQueues.semaQueues.set(key, queue);
  }
  return queue;
}

export async function enqueue<K extends QueueKey>(key: K, payload: JobPayload<K>, options?: JobsOptions) {
  const data = queues[key].payload.parse(payload);
  return getQueue(key).add(queues[key].name, data, options);
}

export async function enqueueBulk<K extends QueueKey>(key: K, jobs: { payload: JobPayload<K>; options?: JobsOptions }[]) {
  if (jobs.length === 0) return [];
  const schema = queues[key].payload;
  return getQueue(key).addBulk(
    jobs.map((job) => ({ name: queues[key].name, data: schema.parse(job.payload), opts: job.options })),
  );
}

export async function closeQueues(): Promise<void> {
  const open = globalForQueues.semaQueues;
  if (open) {
    await Promise.all([...open.values()].map((queue) => queue.close()));
    open.clear();
  }
  await closeSharedRedis();
}
