import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { restoreMissingSchedules } from "@/lib/queue/enqueue";
import type { Closeable } from "@/workers/runtime";

/**
 * The periodic jobs live in Redis as BullMQ job schedulers, upserted when the worker starts. If
 * Redis restarts empty (or is flushed) while the worker runs, they would be gone until the next
 * start: every `SCHEDULE_CHECK_INTERVAL_MS` this checks each one and re-creates the missing ones
 * (a timer in the process, not a scheduler, since it must outlive Redis's data).
 */
export function startScheduleKeeper(options: { intervalMs?: number } = {}): Closeable {
  const log = logger.child({ component: "schedule-keeper" });
  let running: Promise<void> | null = null;
  const check = () => {
    running ??= restoreMissingSchedules()
      .then((restored) => {
        if (restored.length > 0) log.warn("job schedulers missing from Redis re-created", { schedules: restored });
      })
      .catch((error: unknown) => log.warn("job scheduler check failed", { err: error }))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(check, options.intervalMs ?? env.SCHEDULE_CHECK_INTERVAL_MS);
  timer.unref();
  return {
    async close() {
      clearInterval(timer);
      await running;
    },
  };
}
