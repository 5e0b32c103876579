import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { DeadLetterListInput } from "@/lib/dead-letters/schemas";
import { maskPhone } from "@/lib/phone/mask";

export interface DeadLetterItem {
  id: string;
  messageId: string;
  accountId: string;
  accountName: string;
  /** Masked: operators see which message, not whose number. */
  to: string;
  provider: string;
  reason: string;
  detail: string | null;
  attempts: number;
  parkedAt: Date;
  /** When the retention sweeper fails and refunds it unless it is replayed first. */
  expiresAt: Date;
}

/** Open dead letters, oldest first. */
export async function listDeadLetters(input: DeadLetterListInput): Promise<DeadLetterItem[]> {
  const rows = await db.$queryRaw<
    { id: bigint; message_id: string; account_id: string; account_name: string; to: string; provider: string; reason: string; detail: string | null; attempts: number; parked_at: Date }[]
  >`
    SELECT d.id, d.message_id, d.account_id, a.name AS account_name, m."to", d.provider, d.reason, d.detail, d.attempts, d.parked_at
    FROM message_dead_letters d JOIN messages m ON m.id = d.message_id JOIN accounts a ON a.id = d.account_id
    WHERE d.resolved_at IS NULL AND (${input.provider ?? null}::text IS NULL OR d.provider = ${input.provider ?? null})
    ORDER BY d.parked_at, d.id LIMIT ${input.limit}::int`;
  const retentionMs = env.DLQ_RETENTION_HOURS * 3_600_000;
  return rows.map((row) => ({
    id: row.id.toString(),
    messageId: row.message_id,
    accountId: row.account_id,
    accountName: row.account_name,
    to: maskPhone(row.to),
    provider: row.provider,
    reason: row.reason,
    detail: row.detail,
    attempts: row.attempts,
    parkedAt: row.parked_at,
    expiresAt: new Date(row.parked_at.getTime() + retentionMs),
  }));
}

export interface DeadLetterSummary {
  total: number;
  retentionHours: number;
  /** Open dead letters by provider and failure code. */
  byReason: { provider: string; reason: string; count: number; oldestParkedAt: Date }[];
  /**
   * Delivery reports that could not be applied and wait for an operator (the DLR callback's
   * dlr_dead_letters), by stage and reason; null where that table does not exist.
   */
  deliveryReports: { stage: string; reason: string; count: number }[] | null;
}

export async function deadLetterSummary(): Promise<DeadLetterSummary> {
  const byReason = await db.$queryRaw<{ provider: string; reason: string; count: number; oldest: Date }[]>`
    SELECT provider, reason, count(*)::int AS count, min(parked_at) AS oldest
    FROM message_dead_letters WHERE resolved_at IS NULL
    GROUP BY provider, reason ORDER BY count(*) DESC, provider, reason`;
  return {
    total: byReason.reduce((sum, row) => sum + row.count, 0),
    retentionHours: env.DLQ_RETENTION_HOURS,
    byReason: byReason.map((row) => ({ provider: row.provider, reason: row.reason, count: row.count, oldestParkedAt: row.oldest })),
    deliveryReports: await parkedDeliveryReports(),
  };
}

async function parkedDeliveryReports(): Promise<DeadLetterSummary["deliveryReports"]> {
  const [table] = await db.$queryRaw<{ present: boolean }[]>`SELECT to_regclass('dlr_dead_letters') IS NOT NULL AS present`;
  if (!table.present) return null;
  return db.$queryRaw<{ stage: string; reason: string; count: number }[]>`
    SELECT stage::text AS stage, reason, count(*)::int AS count FROM dlr_dead_letters WHERE resolved_at IS NULL
    GROUP BY 1, 2 ORDER BY count(*) DESC, 1, 2`;
}
