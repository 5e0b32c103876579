import { afterAll } from "vitest";

// Runs in each test worker; the global setup has already pointed DATABASE_URL and QUEUE_PREFIX
// at this run's own database and Redis prefix.
if (!process.env.DATABASE_URL?.includes("sema_test_")) {
  throw new Error("Integration tests must run through the vitest global setup (fresh database per run)");
}

afterAll(async () => {
  const { db } = await import("@/lib/db");
  const { closeQueues } = await import("@/lib/queue/enqueue");
  await closeQueues();
  await db.$disconnect();
});
