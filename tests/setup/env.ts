import { randomBytes } from "node:crypto";
import { afterAll } from "vitest";

// Runs in each test worker; the global setup has already pointed DATABASE_URL and RUN_QUEUE_PREFIX
// at this run's own database and Redis prefix.
if (!process.env.DATABASE_URL?.includes("sema_test_")) {
  throw new Error("Integration tests must run through the vitest global setup (fresh database per run)");
}

// Test files run in parallel and many start their own workers: each file gets its own queues, so one
// file's worker never takes another file's jobs.
process.env.QUEUE_PREFIX = `${process.env.RUN_QUEUE_PREFIX}_${randomBytes(3).toString("hex")}`;

afterAll(async () => {
  const { db } = await import("@/lib/db");
  const { closeQueues } = await import("@/lib/queue/enqueue");
  const { closeApiRateLimiter } = await import("@/lib/traffic/api-rate-limiter");
  await closeQueues();
  await closeApiRateLimiter();
  await db.$disconnect();
});
