import { db } from "@/lib/db";

/**
 * Attempts a message has had since it was last replayed from the dead-letter queue (all of them
 * when it never was): a replay gives the message a new round of SEND_MAX_ATTEMPTS. Read only when
 * a message has used up its attempts, so sends that succeed never pay for it.
 */
export async function attemptsSinceReplay(messageId: string, attempts: number): Promise<number> {
  const [row] = await db.$queryRaw<{ base: number | null }[]>`
    SELECT max(attempts) AS base FROM message_dead_letters WHERE message_id = ${messageId}::uuid AND resolution = 'replayed'`;
  return attempts - (row?.base ?? 0);
}
