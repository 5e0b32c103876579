import { db } from "@/lib/db";

export interface RetriedSend {
  messageId: string;
  reason: string;
  data: Record<string, unknown>;
}

/**
 * A timeline row per failed attempt that will be retried (status stays `queued`): not a status
 * change, so no webhook event follows, but the customer sees every attempt on the message.
 */
export async function recordRetries(retries: readonly RetriedSend[]): Promise<void> {
  if (retries.length === 0) return;
  await db.$executeRaw`
    INSERT INTO message_events (message_id, status, reason, source, data)
    SELECT id, 'queued', reason, 'worker', data
    FROM unnest(${retries.map((item) => item.messageId)}::uuid[], ${retries.map((item) => item.reason)}::text[],
                ${retries.map((item) => JSON.stringify(item.data))}::jsonb[]) AS t(id, reason, data)`;
}
