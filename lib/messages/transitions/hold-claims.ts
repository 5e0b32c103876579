import { hotQuery, Prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

const log = logger.child({ component: "hold-claims" });

/** Longest timer Node honours (2^31 − 1 ms); a longer one fires after 1 ms, over and over. */
const MAX_TIMER_MS = 2_147_483_647;

/** How often a held claim is refreshed: a quarter of the reconciler's threshold, at least a second. */
export function holdRefreshMs(reconcileAfterSeconds: number): number {
  return Math.min(MAX_TIMER_MS, Math.max(1_000, Math.floor((reconcileAfterSeconds * 1_000) / 4)));
}

/**
 * Keeps messages claimed by a live send (`queued`, being submitted) from looking stuck: while
 * `work` runs, their updated_at is refreshed well within RECONCILE_AFTER_SECONDS, so the
 * reconciler never hands them to a second job while this one still holds them — a slow provider
 * or a throttled batch would otherwise be sent twice. If the process dies the refreshes stop and
 * the reconciler takes the messages over after the threshold, as before.
 */
export async function holdingClaims<T>(
  messageIds: readonly string[],
  work: () => Promise<T>,
  everyMs = holdRefreshMs(env.RECONCILE_AFTER_SECONDS),
): Promise<T> {
  if (messageIds.length === 0) return work();
  const ids = [...messageIds];
  const timer = setInterval(() => {
    hotQuery("hold_claims", Prisma.sql`UPDATE messages SET updated_at = now() WHERE id = ANY(${ids}::uuid[]) AND status = 'queued'`).catch((error: unknown) =>
      log.warn("could not refresh send claims", { messages: ids.length, err: error }),
    );
  }, everyMs);
  timer.unref();
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
