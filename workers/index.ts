import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { closeQueues } from "@/lib/queue/enqueue";
import { exitIfUnsafeToStart } from "@/lib/startup/check-startup-env";
import type { Closeable } from "@/workers/runtime";
import { startMaintenance } from "@/workers/maintenance";
import { startSending } from "@/workers/sending";
import { startDlr } from "@/workers/dlr";
import { startWebhooks } from "@/workers/webhooks";
import { startContacts } from "@/workers/contacts";
import { startCampaigns } from "@/workers/campaigns";

// Each entry starts the workers (and job schedulers) of one area and returns something to close.
// Order matters only for readability of the startup log.
type Starter = { name: string; start: () => Closeable | Promise<Closeable> };

const starters: Starter[] = [
  { name: "sending", start: () => startSending() },
  { name: "maintenance", start: startMaintenance },
  { name: "dlr", start: () => startDlr() },
  { name: "webhooks", start: () => startWebhooks() },
  { name: "contacts", start: startContacts },
  { name: "campaigns", start: startCampaigns },
];

async function main() {
  exitIfUnsafeToStart("worker");
  const log = logger.child({ component: "worker" });
  const running: { name: string; handle: Closeable }[] = [];
  for (const starter of starters) {
    running.push({ name: starter.name, handle: await starter.start() });
    log.info("started", { area: starter.name });
  }
  log.info("worker ready", { queuePrefix: env.QUEUE_PREFIX, provider: env.SMS_PROVIDER, mode: env.SEMA_MODE });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info("shutting down: letting in-flight jobs finish", { signal });
    // Worker.close() waits for active jobs, so an interrupted send is never left half-done.
    await Promise.allSettled(running.map(({ handle }) => handle.close()));
    await closeQueues();
    await db.$disconnect();
    log.info("worker stopped");
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  logger.error("worker failed to start", { err: error });
  process.exit(1);
});
