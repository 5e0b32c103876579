import { type db, Prisma, type Transaction } from "@/lib/db";

/**
 * Gives messages their `not_before` (a paced campaign's send times). The status does not change;
 * the send reconciler leaves a message alone until its time has passed.
 */
export async function setMessagesNotBefore(tx: Transaction | typeof db, messages: readonly { id: string; notBefore: Date }[]): Promise<void> {
  if (messages.length === 0) return;
  await tx.$executeRaw(Prisma.sql`
    UPDATE messages m SET not_before = p.not_before
    FROM unnest(${messages.map((message) => message.id)}::uuid[], ${messages.map((message) => message.notBefore)}::timestamptz[]) AS p(id, not_before)
    WHERE m.id = p.id AND m.status = 'submitted'`);
}
