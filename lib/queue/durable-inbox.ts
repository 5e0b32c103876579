import { randomUUID } from "node:crypto";
import { hotQuery, Prisma } from "@/lib/db";
import { MicroBatcher } from "@/lib/dlr/micro-batcher";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { metrics } from "@/lib/observability/metrics";
import { enqueueBulk, idsWithoutLiveJob } from "@/lib/queue/enqueue";
import type { JobPayload } from "@/lib/queue/registry";

/**
 * The queues whose jobs are what a provider was told we have: a delivery report or an inbound
 * message answered 200 (or `deliver_sm_resp`) must survive the loss of Redis, so each job is first
 * written to its inbox table in Postgres, then queued with job id = inbox row id. The worker
 * deletes the row once the job committed (`completeInboxJobs`); `requeueStaleInboxJobs` puts rows
 * still there after a while back on the queue (the job id makes that a no-op for jobs Redis still
 * holds).
 */
export type InboxQueue = "dlrInbound" | "inboundReceive";

const TABLES: Record<InboxQueue, string> = { dlrInbound: "dlr_inbox", inboundReceive: "inbound_inbox" };
export const inboxQueues = Object.keys(TABLES) as InboxQueue[];

/** Rows one group commit (or one delete) takes at most. */
const MAX_ROWS_PER_STATEMENT = 500;

interface InboxRow {
  id: string;
  job: string;
}

const log = logger.child({ component: "durable-inbox" });

const globalForInbox = globalThis as unknown as {
  semaInboxWriters?: Map<InboxQueue, MicroBatcher<InboxRow, void>>;
  semaInboxDeleters?: Map<InboxQueue, MicroBatcher<string, void>>;
};

function table(key: InboxQueue): Prisma.Sql {
  return Prisma.raw(`"${TABLES[key]}"`);
}

/** Group commit: the rows of every caller within a few milliseconds go into one multi-row INSERT. */
function writer(key: InboxQueue): MicroBatcher<InboxRow, void> {
  globalForInbox.semaInboxWriters ??= new Map();
  let batcher = globalForInbox.semaInboxWriters.get(key);
  if (!batcher) {
    batcher = new MicroBatcher<InboxRow, void>({
      maxSize: MAX_ROWS_PER_STATEMENT,
      maxWaitMs: env.INBOX_LINGER_MS,
      concurrency: 4,
      flush: async (rows) => {
        await hotQuery(
          `inbox-insert-${key}`,
          Prisma.sql`INSERT INTO ${table(key)} (id, job) SELECT * FROM unnest(${rows.map((row) => row.id)}::uuid[], ${rows.map((row) => row.job)}::jsonb[])`,
        );
      },
    });
    globalForInbox.semaInboxWriters.set(key, batcher);
  }
  return batcher;
}

function deleter(key: InboxQueue): MicroBatcher<string, void> {
  globalForInbox.semaInboxDeleters ??= new Map();
  let batcher = globalForInbox.semaInboxDeleters.get(key);
  if (!batcher) {
    batcher = new MicroBatcher<string, void>({
      maxSize: MAX_ROWS_PER_STATEMENT,
      maxWaitMs: env.INBOX_LINGER_MS,
      concurrency: 2,
      flush: async (ids) => {
        await hotQuery(`inbox-delete-${key}`, Prisma.sql`DELETE FROM ${table(key)} WHERE id = ANY(${ids}::uuid[])`);
      },
    });
    globalForInbox.semaInboxDeleters.set(key, batcher);
  }
  return batcher;
}

/** Commits the jobs to the inbox (group commit with concurrent callers) and returns them with their row ids. */
export async function storeInboxJobs<K extends InboxQueue>(key: K, payloads: readonly JobPayload<K>[]): Promise<(JobPayload<K> & { inboxId: string })[]> {
  const jobs = payloads.map((payload) => ({ ...payload, inboxId: randomUUID() }) as JobPayload<K> & { inboxId: string });
  await writer(key).add(jobs.map((job) => ({ id: job.inboxId, job: JSON.stringify(job) })));
  return jobs;
}

/**
 * Makes the jobs durable (committed to the inbox table: only then may the provider be answered),
 * then queues them. A queue that cannot be reached is logged, not thrown: the jobs are safe in
 * Postgres and the reconciler queues them once Redis answers again.
 */
export async function acceptDurably<K extends InboxQueue>(key: K, payloads: readonly JobPayload<K>[]): Promise<{ ids: string[]; queued: boolean }> {
  if (payloads.length === 0) return { ids: [], queued: true };
  const jobs = await storeInboxJobs(key, payloads);
  const ids = jobs.map((job) => job.inboxId);
  try {
    await enqueueBulk(key, jobs.map((job) => ({ payload: job, options: { jobId: job.inboxId } })));
    return { ids, queued: true };
  } catch (error) {
    log.warn("inbox jobs stored but not queued: the reconciler will queue them", { queue: key, jobs: jobs.length, err: error });
    return { ids, queued: false };
  }
}

/** The job of an inbox row committed its work: the row goes (batched with other workers' deletes). */
export async function completeInboxJobs(key: InboxQueue, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await deleter(key).add(ids);
}

/**
 * Queues again every inbox row older than `olderThanSeconds` (and not looked at for as long): after
 * a Redis loss these are the acknowledged reports and messages nobody will process otherwise, and a
 * job that ended in the failed set (stalled past BullMQ's limit by workers killed under it) would
 * otherwise keep its row waiting forever, since a job id that exists cannot be added again. A row
 * whose job Redis still holds waiting, delayed or running is left to it; a failed one is removed
 * and queued afresh. Re-applying a job that committed but whose delete was lost is harmless
 * (statuses only move forward, inbound messages are de-duplicated by provider id).
 */
export async function requeueStaleInboxJobs<K extends InboxQueue>(key: K, options: { olderThanSeconds?: number; limit?: number } = {}): Promise<number> {
  const olderThan = options.olderThanSeconds ?? env.INBOX_REQUEUE_AFTER_SECONDS;
  const limit = options.limit ?? 5_000;
  const rows = await hotQuery<{ id: string; job: JobPayload<K> }>(
    `inbox-requeue-${key}`,
    Prisma.sql`
      UPDATE ${table(key)} SET requeued_at = now()
      WHERE id IN (
        SELECT id FROM ${table(key)}
        WHERE received_at <= now() - make_interval(secs => ${olderThan}::int)
          AND (requeued_at IS NULL OR requeued_at <= now() - make_interval(secs => ${olderThan}::int))
        ORDER BY received_at LIMIT ${limit}::int
        FOR UPDATE SKIP LOCKED
      )
      RETURNING id, job`,
  );
  if (rows.length === 0) return 0;
  const missing = new Set(await idsWithoutLiveJob(key, rows.map((row) => row.id)));
  const lost = rows.filter((row) => missing.has(row.id));
  if (lost.length === 0) return 0;
  await enqueueBulk(key, lost.map((row) => ({ payload: { ...row.job, inboxId: row.id }, options: { jobId: row.id } })));
  metrics.inboxRequeued.inc({ queue: key }, lost.length);
  log.info("inbox jobs re-queued", { queue: key, jobs: lost.length, stillQueued: rows.length - lost.length });
  return lost.length;
}

/** Re-queues the stale rows of every inbox (the `reconcile-inboxes` maintenance task). */
export async function reconcileInboxes(options: { olderThanSeconds?: number } = {}): Promise<Record<InboxQueue, number>> {
  const result = {} as Record<InboxQueue, number>;
  for (const key of inboxQueues) result[key] = await requeueStaleInboxJobs(key, options);
  return result;
}

/** Rows waiting in an inbox (metrics, tests). */
export async function countInboxJobs(key: InboxQueue): Promise<number> {
  const [row] = await hotQuery<{ count: string }>(`inbox-count-${key}`, Prisma.sql`SELECT count(*)::text AS count FROM ${table(key)}`);
  return Number(row?.count ?? 0);
}
