import { currentActor, recordAudit } from "@/lib/audit/record-audit";
import type { DeadLetterActionInput } from "@/lib/dead-letters/schemas";
import { logger } from "@/lib/logger";
import { replayDeadLetters } from "@/lib/messages/transitions/dead-letters";
import { requeueMessageSends } from "@/lib/sending/requeue-sends";

const log = logger.child({ component: "dead-letters" });

/** Message ids kept in an audit event; the count is always complete. */
const AUDITED_IDS = 100;

export interface ReplayResult {
  replayed: number;
  /** Send jobs created (a message whose job still existed keeps it). */
  enqueued: number;
  messageIds: string[];
}

/**
 * `smsctl dlq replay` and the operator page: the oldest matching dead letters go back into the
 * send queues (the same path as any send, so routing applies), each with a new round of attempts.
 * Should the enqueue fail, the messages are already out of the queue and the reconciler enqueues
 * them once they are overdue.
 */
export async function replayDeadLetterMessages(input: DeadLetterActionInput): Promise<ReplayResult> {
  const actor = await currentActor();
  const messages = await replayDeadLetters({ provider: input.provider, olderThanMs: input.olderThan, limit: input.limit }, actor.label ?? actor.type);
  let enqueued = 0;
  for (const priority of ["high", "normal"] as const) {
    enqueued += await requeueMessageSends(messages.filter((message) => message.priority === priority).map((message) => message.id), priority);
  }
  const messageIds = messages.map((message) => message.id);
  if (messages.length > 0) {
    await recordAudit({
      action: "dead_letter.replay",
      accountId: null,
      operator: true,
      target: { type: "dead_letters" },
      after: { filter: input, replayed: messages.length, messageIds: messageIds.slice(0, AUDITED_IDS) },
    });
    log.info("dead letters replayed", { replayed: messages.length, enqueued, provider: input.provider ?? null });
  }
  return { replayed: messages.length, enqueued, messageIds };
}
