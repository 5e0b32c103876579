import { hotQuery, Prisma } from "@/lib/db";
import type { ProviderTry } from "@/lib/providers/types";

export interface SendAttemptRow extends ProviderTry {
  messageId: string;
  /** The message's attempt number the submission belongs to (failover tries share it). */
  attempt: number;
}

/** The INSERT of many send_attempts rows, for a statement of its own or a CTE of a larger one. */
export function insertSendAttemptsSql(rows: readonly SendAttemptRow[]): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO send_attempts (message_id, attempt, provider, outcome, code, latency_ms)
    SELECT * FROM unnest(${rows.map((row) => row.messageId)}::uuid[], ${rows.map((row) => row.attempt)}::int[],
                         ${rows.map((row) => row.provider)}::text[], ${rows.map((row) => row.outcome)}::text[],
                         ${rows.map((row) => row.code)}::text[], ${rows.map((row) => row.latencyMs)}::int[])`;
}

/**
 * One send_attempts row per provider submission, for many messages in one statement: the
 * per-attempt provider and outcome the message API shows, and the history the routing health
 * windows are rebuilt from. Submissions the provider accepted are recorded by `markSent` instead,
 * in the statement that marks them sent.
 */
export async function recordSendAttempts(rows: readonly SendAttemptRow[]): Promise<void> {
  if (rows.length === 0) return;
  await hotQuery("record_send_attempts", insertSendAttemptsSql(rows));
}
