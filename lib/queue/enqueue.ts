import { Queue, type JobsOptions } from "bullmq";
import { env } from "@/lib/env";
import { currentRequestId } from "@/lib/observability/request-context";
import { closeSharedRedis, sharedRedis } from "@/lib/queue/connection";
import { queueKeys, queues, type JobPayload, type QueueKey, type Schedule } from "@/lib/queue/registry";

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

/** The queue's own job options (lib/queue/registry.ts) with a producer's additions (job id, delay, …). */
function jobOptions(key: QueueKey, options?: JobsOptions): JobsOptions {
  return { ...queues[key].jobOptions, ...options };
}

/**
 * A job's data: the payload as its schema parsed it, plus the id of the request (or job) that
 * enqueued it, so the processor's log lines carry it too (workers/runtime.ts restores it).
 */
function jobData<K extends QueueKey>(key: K, payload: JobPayload<K>): Record<string, unknown> {
  const data = queues[key].payload.parse(payload) as Record<string, unknown>;
  const requestId = currentRequestId();
  return requestId ? { ...data, requestId } : data;
}

export async function enqueue<K extends QueueKey>(key: K, payload: JobPayload<K>, options?: JobsOptions) {
  return getQueue(key).add(queues[key].name, jobData(key, payload), jobOptions(key, options));
}

export async function enqueueBulk<K extends QueueKey>(key: K, jobs: { payload: JobPayload<K>; options?: JobsOptions }[]) {
  if (jobs.length === 0) return [];
  return getQueue(key).addBulk(jobs.map((job) => ({ name: queues[key].name, data: jobData(key, job.payload), opts: jobOptions(key, job.options) })));
}

/**
 * The job ids among `ids` that have no live job in the queue (none, or one left in the failed set,
 * which is removed so the id can be added again): what a reconciler must queue afresh. A job still
 * waiting, delayed or running is left to itself.
 */
export async function idsWithoutLiveJob(key: QueueKey, ids: readonly string[]): Promise<string[]> {
  const queue = getQueue(key);
  const missing: string[] = [];
  for (const id of ids) {
    const job = await queue.getJob(id);
    if (!job) {
      missing.push(id);
    } else if (await job.isFailed()) {
      await job.remove();
      missing.push(id);
    }
  }
  return missing;
}

export interface ScheduleSelection {
  /** Only these schedule ids (tests start the periodic work they exercise). */
  only?: readonly string[];
  /** Intervals that replace the registry's, by schedule id. */
  everyMs?: Readonly<Record<string, number>>;
}

const globalForSchedules = globalThis as unknown as { semaScheduleSelection?: ScheduleSelection };

/** Creates or updates the periodic jobs listed in the registry (idempotent; one scheduler per id). */
export async function upsertSchedules(selection: ScheduleSelection = {}): Promise<string[]> {
  globalForSchedules.semaScheduleSelection = selection;
  return upsertMatching(selection, async () => true);
}

/**
 * Re-creates the job schedulers of the last `upsertSchedules` selection that Redis no longer has
 * (it restarted empty or was flushed while the worker ran); existing ones are left as they are, so
 * their next run time is kept. Returns the ids re-created.
 */
export async function restoreMissingSchedules(): Promise<string[]> {
  const selection = globalForSchedules.semaScheduleSelection;
  if (!selection) return [];
  return upsertMatching(selection, async (key, id) => !(await getQueue(key).getJobScheduler(id)));
}

async function upsertMatching(selection: ScheduleSelection, needed: (key: QueueKey, id: string) => Promise<boolean>): Promise<string[]> {
  const upserted: string[] = [];
  for (const key of queueKeys) {
    const { name, schedules } = queues[key];
    for (const schedule of schedules as readonly Schedule<JobPayload<typeof key>>[]) {
      if (selection.only && !selection.only.includes(schedule.id)) continue;
      if (!(await needed(key, schedule.id))) continue;
      const every = selection.everyMs?.[schedule.id] ?? schedule.everyMs();
      await getQueue(key).upsertJobScheduler(schedule.id, { every }, { name, data: schedule.data, opts: jobOptions(key) });
      upserted.push(schedule.id);
    }
  }
  return upserted;
}

export async function closeQueues(): Promise<void> {
  const open = globalForQueues.semaQueues;
  if (open) {
    await Promise.all([...open.values()].map((queue) => queue.close()));
    open.clear();
  }
  await closeSharedRedis();
}
