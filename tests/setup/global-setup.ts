import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { createFreshDatabase, dropDatabase } from "./database";
import { startTestRedisCluster } from "./redis-cluster";

// Every integration run gets its own database and its own Redis key prefix, so runs never
// see each other's data (several developers or CI jobs may share one Postgres/Redis).
export default async function setup() {
  const runId = `${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const databaseName = `sema_test_${runId}`;
  const databaseUrl = await createFreshDatabase(databaseName);

  process.env.DATABASE_URL = databaseUrl;
  process.env.RUN_QUEUE_PREFIX = `semat_${runId}`;
  process.env.LOG_LEVEL ??= "warn";
  process.env.SEMA_MODE = "test";
  process.env.WEBHOOK_ALLOW_LOOPBACK = "true";
  // Many tests send hundreds of requests with one key in a burst; the limiter's own tests set small limits.
  process.env.API_RATE_LIMIT_PER_SECOND ??= "1000000";
  process.env.API_RATE_LIMIT_BURST ??= "1000000";
  process.env.API_RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE ??= "1000000";
  process.env.AUTH_SECRET ??= "test-auth-secret-test-auth-secret";

  const { db } = await import("@/lib/db");
  const { seedReferenceData } = await import("@/lib/reference-data/seed-reference-data");
  await seedReferenceData(db);
  await db.$disconnect();

  // The cluster suite (tests/integration/cluster) runs against a Redis Cluster of this run's own.
  const cluster = await startTestRedisCluster();
  if ("skipped" in cluster) process.env.TEST_REDIS_CLUSTER_SKIPPED = cluster.skipped;
  else process.env.TEST_REDIS_CLUSTER_NODES = cluster.nodes;

  return async () => {
    if (!("skipped" in cluster)) await cluster.stop();
    const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", { maxRetriesPerRequest: null });
    const prefix = process.env.RUN_QUEUE_PREFIX;
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}_*`, "COUNT", 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== "0");
    await redis.quit();
    if (!process.env.KEEP_TEST_DATABASE) await dropDatabase(databaseName);
  };
}
