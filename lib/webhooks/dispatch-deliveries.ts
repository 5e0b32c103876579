import { db, Prisma } from "@/lib/db";
import { enqueueBulk, getQueue } from "@/lib/queue/enqueue";

/** Non-batch targets are posted one event per request; this many share one queue job. */
export const SINGLE_DELIVERIES_PER_JOB = 25;
/** Standard Webhooks batching limit: at most this many events in one request. */
export const MAX_EVENTS_PER_BATCH = 1_000;
/** A job that claimed a delivery holds it this long; after that the reconciler may retry it. */
export const DELIVERY_LEASE_MS = 60_000;
const RELAY_JOB_ID = "webhooks-relay-nudge";

interface Claimable {
  id: string;
  account_id: string;
  endpoint_id: string | null;
  url: string;
  batch: boolean | null;
}

/** Groups deliveries into queue jobs: one per batch endpoint or batched callback URL (≤1,000), small chunks otherwise. */
export function groupIntoJobs(rows: readonly Claimable[]): string[][] {
  const groups = new Map<string, { batch: boolean; ids: string[] }>();
  for (const row of rows) {
    // Callbacks of different accounts never share a job: a batched request is signed with one account's secret.
    const key = row.endpoint_id ?? `url:${row.account_id}:${row.url}`;
    const group = groups.get(key) ?? { batch: row.batch === true, ids: [] };
    group.ids.push(row.id);
    groups.set(key, group);
  }
  const jobs: string[][] = [];
  for (const group of groups.values()) {
    const size = group.batch ? MAX_EVENTS_PER_BATCH : SINGLE_DELIVERIES_PER_JOB;
    for (let start = 0; start < group.ids.length; start += size) jobs.push(group.ids.slice(start, start + size));
  }
  return jobs;
}

export async function enqueueDeliveryJobs(jobs: readonly string[][], delayMs = 0): Promise<void> {
  await enqueueBulk(
    "webhooksDeliver",
    jobs.map((deliveryIds) => ({ payload: { deliveryIds }, options: delayMs > 0 ? { delay: delayMs } : undefined })),
  );
}

/**
 * Hands deliveries to the queue: new ones (next_attempt_at NULL) and, with `includeStale`, pending
 * ones whose due time passed long ago (their job was lost with Redis, or their worker died while
 * holding the lease). Claiming sets next_attempt_at = now(), so two relays never enqueue the same row.
 */
export async function dispatchPendingDeliveries(options: { includeStale?: boolean; limit?: number } = {}): Promise<number> {
  const limit = options.limit ?? 5_000;
  const stale = options.includeStale
    ? Prisma.sql`OR (status = 'pending' AND next_attempt_at < now() - make_interval(secs => ${DELIVERY_LEASE_MS / 1000}::int))`
    : Prisma.empty;
  const rows = await db.$queryRaw<Claimable[]>(Prisma.sql`
    WITH claimed AS (
      UPDATE webhook_deliveries d SET next_attempt_at = now()
      WHERE d.id IN (
        SELECT id FROM webhook_deliveries
        WHERE (status = 'pending' AND next_attempt_at IS NULL) ${stale}
        ORDER BY created_at LIMIT ${limit}::int FOR UPDATE SKIP LOCKED
      )
      RETURNING d.id, d.account_id, d.endpoint_id, d.url, d.batch
    )
    SELECT c.id, c.account_id::text, c.endpoint_id, c.url, COALESCE(e.batch, c.batch) AS batch FROM claimed c LEFT JOIN webhook_endpoints e ON e.id = c.endpoint_id`);
  await enqueueDeliveryJobs(groupIntoJobs(rows));
  return rows.length;
}

/**
 * Asks a worker to run the relay now (after a writer committed transitions or account events).
 * The fixed job id collapses a burst of nudges into one pending job.
 */
export async function nudgeWebhookRelay(): Promise<void> {
  await getQueue("webhooksRelay").add("relay", { task: "relay" }, { jobId: RELAY_JOB_ID, removeOnComplete: true, removeOnFail: true });
}
