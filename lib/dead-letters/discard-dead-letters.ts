import { currentActor, recordAudit } from "@/lib/audit/record-audit";
import type { DeadLetterActionInput } from "@/lib/dead-letters/schemas";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { failDeadLetters } from "@/lib/messages/transitions/dead-letters";

const log = logger.child({ component: "dead-letters" });

/** Dead letters failed per statement by the retention sweeper. */
const EXPIRY_CHUNK = 5_000;

/** `smsctl dlq discard` and the operator page: the oldest matching dead letters fail, refunded. */
export async function discardDeadLetterMessages(input: DeadLetterActionInput): Promise<{ discarded: number }> {
  const actor = await currentActor();
  const discarded = await failDeadLetters({ provider: input.provider, olderThanMs: input.olderThan, limit: input.limit }, "discarded", actor.label ?? actor.type);
  if (discarded > 0) {
    await recordAudit({ action: "dead_letter.discard", accountId: null, operator: true, target: { type: "dead_letters" }, after: { filter: input, discarded } });
    log.info("dead letters discarded", { discarded, provider: input.provider ?? null });
  }
  return { discarded };
}

/**
 * The retention sweeper (a maintenance schedule): dead letters parked longer than
 * DLQ_RETENTION_HOURS fail and are refunded, chunk by chunk until none is left.
 */
export async function expireDeadLetters(options: { olderThanHours?: number } = {}): Promise<{ expired: number }> {
  const olderThanMs = (options.olderThanHours ?? env.DLQ_RETENTION_HOURS) * 3_600_000;
  let expired = 0;
  for (let chunk = -1; chunk !== 0; expired += chunk) {
    chunk = await failDeadLetters({ olderThanMs, limit: EXPIRY_CHUNK }, "expired", "retention");
  }
  if (expired > 0) {
    await recordAudit({ action: "dead_letter.expire", accountId: null, target: { type: "dead_letters" }, after: { expired, olderThanHours: olderThanMs / 3_600_000 } });
    log.warn("dead letters expired: failed and refunded", { expired });
  }
  return { expired };
}
