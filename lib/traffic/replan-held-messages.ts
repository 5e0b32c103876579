import { enqueuePacedBatches } from "@/lib/campaigns/pace-campaign";
import { db } from "@/lib/db";
import type { MessagePriority } from "@/lib/generated/prisma/enums";
import { logger } from "@/lib/logger";
import { setMessagesNotBefore } from "@/lib/messages/transitions/pace-messages";
import { getQueue } from "@/lib/queue/enqueue";
import { enqueueMessageSend, sendQueueFor } from "@/lib/sending/send-jobs";
import { promotionalSendTime, quietHoursOf } from "@/lib/traffic/quiet-hours";

const log = logger.child({ component: "quiet-hours" });

/** Held messages re-planned per call; an account with more is re-planned by the next change. */
const REPLAN_LIMIT = 50_000;

interface HeldMessage {
  id: string;
  campaign_id: string | null;
  priority: MessagePriority;
}

/**
 * After an account's quiet hours or time zone change: promotional messages still held (submitted,
 * `not_before` in the future, not part of a paced campaign, whose spacing stays as planned) get the
 * send time the new window gives them now. A single message's delayed job is moved; a campaign's
 * messages get new delayed batch jobs, and the old ones, if earlier, claim nothing (batch claims
 * skip messages before their `not_before`).
 */
export async function replanHeldMessages(accountId: string, now = new Date()): Promise<number> {
  const account = await db.account.findUnique({ where: { id: accountId }, select: { timezone: true, quietHoursStart: true, quietHoursEnd: true } });
  if (!account) return 0;
  const held = await db.$queryRaw<HeldMessage[]>`
    SELECT m.id::text AS id, m.campaign_id::text AS campaign_id, m.priority::text AS priority
    FROM messages m LEFT JOIN campaigns c ON c.id = m.campaign_id
    WHERE m.account_id = ${accountId}::uuid AND m.status = 'submitted' AND m.message_class = 'promotional'
      AND m.not_before > now() AND c.send_rate_per_minute IS NULL
    LIMIT ${REPLAN_LIMIT}`;
  if (held.length === 0) return 0;
  const sendAt = promotionalSendTime(quietHoursOf(account.quietHoursStart, account.quietHoursEnd), account.timezone, now);
  await setMessagesNotBefore(db, held.map((message) => ({ id: message.id, notBefore: sendAt })));

  const delay = Math.max(0, sendAt.getTime() - now.getTime());
  try {
    for (const message of held.filter((row) => row.campaign_id === null)) {
      const job = await getQueue(sendQueueFor(message.priority)).getJob(message.id);
      if (job && (await job.isDelayed())) await job.changeDelay(delay);
      else if (!job) await enqueueMessageSend(message.id, message.priority, delay);
    }
    for (const priority of ["high", "normal"] as const) {
      const ids = held.filter((row) => row.campaign_id !== null && row.priority === priority).map((row) => row.id);
      if (ids.length > 0) await enqueuePacedBatches(ids, ids.map(() => sendAt), priority, now.getTime());
    }
  } catch (error) {
    // Postgres has the new times; the send reconciler enqueues what is overdue once they pass.
    log.error("could not move held messages' jobs; the reconciler will send them", { accountId, err: error });
  }
  log.info("re-planned held promotional messages", { accountId, messages: held.length, sendAt });
  return held.length;
}
