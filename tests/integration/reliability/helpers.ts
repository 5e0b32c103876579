import { Redis } from "ioredis";
import { db, Prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { getQueue } from "@/lib/queue/enqueue";
import { queueKeys, queues } from "@/lib/queue/registry";

/**
 * What a Redis restart with an empty data set does to this test file: every key under its own
 * queue prefix is deleted (never FLUSHALL: the Redis is shared with other runs and developers).
 */
export async function loseRedisData(): Promise<number> {
  const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: null });
  let deleted = 0;
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${env.QUEUE_PREFIX}:*`, "COUNT", 1000);
      if (keys.length > 0) deleted += await redis.del(...keys);
      cursor = next;
    } while (cursor !== "0");
  } finally {
    await redis.quit();
  }
  return deleted;
}

/** The ids of the periodic job schedulers Redis holds now. */
export async function existingSchedules(): Promise<string[]> {
  const found: string[] = [];
  for (const key of queueKeys) {
    for (const schedule of queues[key].schedules) {
      if (await getQueue(key).getJobScheduler(schedule.id)) found.push(schedule.id);
    }
  }
  return found.sort();
}

/** Every schedule of the registry, each running every `everyMs` (a test worker's fast clock). */
export function fastSchedules(everyMs: number): Record<string, number> {
  return Object.fromEntries(queueKeys.flatMap((key) => queues[key].schedules.map((schedule) => [schedule.id, everyMs])));
}

type InboxTable = "dlr_inbox" | "inbound_inbox";

/** Rows of an inbox whose job contains `job` (JSON containment), e.g. one report's message id. */
export async function inboxRows(table: InboxTable, job: Record<string, unknown>): Promise<number> {
  const [row] = await db.$queryRaw<{ count: bigint }[]>(Prisma.sql`SELECT count(*) AS count FROM ${Prisma.raw(table)} WHERE job @> ${JSON.stringify(job)}::jsonb`);
  return Number(row.count);
}

/** Makes those rows ten minutes old (the reconciler re-queues rows older than INBOX_REQUEUE_AFTER_SECONDS). */
export async function agedInboxRows(table: InboxTable, job: Record<string, unknown>): Promise<number> {
  return db.$executeRaw(Prisma.sql`UPDATE ${Prisma.raw(table)} SET received_at = now() - interval '10 minutes' WHERE job @> ${JSON.stringify(job)}::jsonb`);
}
