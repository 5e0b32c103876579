import { db } from "@/lib/db";

/**
 * Tries of a message that reached the provider since it was last replayed from the dead-letter
 * queue (all of them when it never was): a replay gives the message a new round of
 * SEND_MAX_ATTEMPTS. Only tries with a recorded outcome count — a claim whose worker died before the
 * provider answered is not the provider failing, so crashes never use up a message's tries.
 * Read only when a message's claims have reached the limit, so sends that succeed never pay for it.
 */
export async function attemptsSinceReplay(messageId: string): Promise<number> {
  const [row] = await db.$queryRaw<{ tries: number }[]>`
    SELECT count(DISTINCT s.attempt)::int AS tries FROM send_attempts s
    WHERE s.message_id = ${messageId}::uuid
      AND s.attempt > COALESCE((SELECT max(d.attempts) FROM message_dead_letters d WHERE d.message_id = ${messageId}::uuid AND d.resolution = 'replayed'), 0)`;
  return row?.tries ?? 0;
}
