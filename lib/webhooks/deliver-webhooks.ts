import { randomUUID } from "node:crypto";
import { hotQuery, Prisma, withPgTransaction } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import type { AddressPolicy } from "@/lib/net/ip-policy";
import { safePost, type SafePostResult } from "@/lib/net/safe-fetch";
import { describeDeliveryOutcome } from "@/lib/webhooks/describe-delivery-outcome";
import { protectedLoopbackPorts, webhookAddressPolicy } from "@/lib/webhooks/destination-policy";
import { recordWebhookAttempts } from "@/lib/observability/metrics";
import { DELIVERY_LEASE_MS, enqueueDeliveryJobs, groupIntoJobs } from "@/lib/webhooks/dispatch-deliveries";
import { nextAttemptDelay, parseScheduleEnv } from "@/lib/webhooks/retry-schedule";
import { buildWebhookHeaders } from "@/lib/webhooks/signing";

export interface DeliveryOptions extends AddressPolicy {
  schedule?: readonly number[];
  timeoutMs?: number;
  /** Requests in flight at once within one job (non-batch targets). */
  concurrency?: number;
}

export function deliveryOptionsFromEnv(): DeliveryOptions {
  return {
    ...webhookAddressPolicy(),
    timeoutMs: env.WEBHOOK_TIMEOUT_MS,
    schedule: parseScheduleEnv(env.WEBHOOK_RETRY_SCHEDULE_MS),
  };
}

interface ClaimedDelivery {
  id: string;
  account_id: string;
  url: string;
  attempts: number;
  endpoint_id: string | null;
  endpoint_status: string | null;
  batch: boolean | null;
  secret: string | null;
  previous_secret: string | null;
  previous_secret_expires_at: Date | null;
  callback_secret: string;
  payload: Record<string, unknown>;
  event_id: string;
}

interface Outcome {
  id: string;
  attempt: number;
  requestId: string;
  result: SafePostResult | null;
  /** Set when no request was made (endpoint disabled). */
  skippedReason?: string;
}

export interface DeliveryJobResult {
  succeeded: number;
  retrying: number;
  failed: number;
  disabledEndpoints: string[];
}

const log = logger.child({ component: "webhook-delivery" });

function secretsFor(row: ClaimedDelivery, now: Date): string[] {
  if (!row.endpoint_id) return [row.callback_secret];
  const secrets = [row.secret as string];
  if (row.previous_secret && row.previous_secret_expires_at && row.previous_secret_expires_at > now) secrets.unshift(row.previous_secret);
  return secrets;
}

/** The stored event as this target receives it: an endpoint's deliveries name the endpoint. */
function envelopeFor(row: ClaimedDelivery): Record<string, unknown> {
  return row.endpoint_id ? { ...row.payload, endpointId: row.endpoint_id } : row.payload;
}

async function post(rows: ClaimedDelivery[], options: DeliveryOptions): Promise<Outcome[]> {
  const requestId = rows.length === 1 ? rows[0].event_id : `batch_${randomUUID()}`;
  // A batch endpoint always receives an array (even of one) so its parser sees one shape.
  const isBatch = rows[0].batch === true;
  const body = JSON.stringify(isBatch ? rows.map(envelopeFor) : envelopeFor(rows[0]));
  const headers = buildWebhookHeaders({ id: requestId, body, secrets: secretsFor(rows[0], new Date()) });
  const result = await safePost(rows[0].url, {
    body,
    headers,
    timeoutMs: options.timeoutMs ?? env.WEBHOOK_TIMEOUT_MS,
    allowLoopback: options.allowLoopback,
    allowPrivate: options.allowPrivate,
    protectedLoopbackPorts: options.protectedLoopbackPorts,
  });
  return rows.map((row) => ({ id: row.id, attempt: row.attempts + 1, requestId, result }));
}

async function runLimited<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, tasks.length) }, async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]();
    }
  });
  await Promise.all(lanes);
  return results;
}

/**
 * Delivers one queue job's deliveries: claims them (a lease in next_attempt_at, so duplicate jobs
 * do nothing), posts — batch endpoints get one signed array request, everything else one signed
 * request per event — records every attempt, then settles each delivery as succeeded, retrying
 * (next_attempt_at + a delayed job) or failed. 410 Gone disables the endpoint.
 */
export async function deliverWebhooks(deliveryIds: readonly string[], options: DeliveryOptions = deliveryOptionsFromEnv()): Promise<DeliveryJobResult> {
  const schedule = options.schedule ?? parseScheduleEnv(env.WEBHOOK_RETRY_SCHEDULE_MS);
  // Through pg: a batch job claims up to a thousand deliveries with their payloads, which Prisma
  // decoded more slowly than Postgres produced them.
  const rows = await hotQuery<ClaimedDelivery>("webhook_claim_deliveries", Prisma.sql`
    WITH claimed AS (
      UPDATE webhook_deliveries d SET next_attempt_at = now() + make_interval(secs => ${DELIVERY_LEASE_MS / 1000}::int)
      WHERE d.id = ANY(${[...deliveryIds]}::uuid[]) AND d.status = 'pending'
        AND (d.next_attempt_at IS NULL OR d.next_attempt_at <= now() + interval '2 seconds')
      RETURNING d.id, d.url, d.attempts, d.endpoint_id, d.event_id, d.account_id, d.batch
    )
    SELECT c.id, c.account_id::text, c.url, c.attempts, c.endpoint_id, c.event_id, e.status::text AS endpoint_status,
           COALESCE(e.batch, c.batch) AS batch, e.secret,
           e.previous_secret, e.previous_secret_expires_at, a.callback_secret, ev.payload
    FROM claimed c
    JOIN accounts a ON a.id = c.account_id
    JOIN webhook_events ev ON ev.id = c.event_id
    LEFT JOIN webhook_endpoints e ON e.id = c.endpoint_id`);
  if (rows.length === 0) return { succeeded: 0, retrying: 0, failed: 0, disabledEndpoints: [] };

  const skipped: Outcome[] = [];
  const batchGroups = new Map<string, ClaimedDelivery[]>();
  const singles: ClaimedDelivery[] = [];
  for (const row of rows) {
    if (row.endpoint_id && row.endpoint_status !== "active") {
      skipped.push({ id: row.id, attempt: row.attempts, requestId: "", result: null, skippedReason: "Endpoint is disabled" });
    } else if (row.batch) {
      // A batch endpoint, or a batched callback URL of one account (signed with that account's secret).
      const key = row.endpoint_id ?? `callback:${row.account_id}:${row.url}`;
      const group = batchGroups.get(key) ?? [];
      group.push(row);
      batchGroups.set(key, group);
    } else {
      singles.push(row);
    }
  }
  // The platform's own ports stay closed even when a caller passes a policy without them.
  const postOptions = { ...options, protectedLoopbackPorts: options.protectedLoopbackPorts ?? protectedLoopbackPorts() };
  const tasks = [...batchGroups.values(), ...singles.map((row) => [row])].map((group) => () => post(group, postOptions));
  const outcomes = [...skipped, ...(await runLimited(tasks, options.concurrency ?? 16)).flat()];

  const now = Date.now();
  // One delay per request, so the events of a batch retry together as one batch.
  const delayByRequest = new Map<string, number | null>();
  const settled = outcomes.map((outcome) => {
    const result = outcome.result;
    if (!result) return { ...outcome, status: "failed" as const, delayMs: null };
    if (result.ok) return { ...outcome, status: "succeeded" as const, delayMs: null };
    if (result.status === 410) return { ...outcome, status: "failed" as const, delayMs: null };
    if (!delayByRequest.has(outcome.requestId)) {
      delayByRequest.set(
        outcome.requestId,
        nextAttemptDelay(outcome.attempt, { schedule, status: result.status, retryAfterHeader: result.headers["retry-after"] ?? null, now }),
      );
    }
    const delayMs = delayByRequest.get(outcome.requestId) ?? null;
    return { ...outcome, status: delayMs === null ? ("failed" as const) : ("pending" as const), delayMs };
  });

  const gone = [
    ...new Set(
      settled
        .filter((item) => item.result?.status === 410)
        .map((item) => rows.find((row) => row.id === item.id)?.endpoint_id)
        .filter((id): id is string => Boolean(id)),
    ),
  ];
  const attempted = settled.filter((item) => item.result);
  await withPgTransaction(async (sql) => {
    if (attempted.length > 0) {
      await sql.query(Prisma.sql`
        INSERT INTO webhook_attempts (delivery_id, request_id, attempt, status_code, latency_ms, error)
        SELECT * FROM unnest(
          ${attempted.map((item) => item.id)}::uuid[], ${attempted.map((item) => item.requestId)}::text[],
          ${attempted.map((item) => item.attempt)}::int[], ${attempted.map((item) => item.result?.status ?? null)}::int[],
          ${attempted.map((item) => item.result?.latencyMs ?? null)}::int[], ${attempted.map((item) => describeDeliveryOutcome(item.result))}::text[]
        )`);
    }
    await sql.query(Prisma.sql`
      UPDATE webhook_deliveries d SET
        status = u.status::"WebhookDeliveryStatus",
        attempts = u.attempts,
        next_attempt_at = CASE WHEN u.status = 'pending' THEN now() + make_interval(secs => u.delay_ms / 1000.0) ELSE NULL END,
        last_status_code = COALESCE(u.status_code, d.last_status_code),
        last_error = u.error,
        completed_at = CASE WHEN u.status = 'pending' THEN NULL ELSE now() END
      FROM unnest(
        ${settled.map((item) => item.id)}::uuid[], ${settled.map((item) => item.status)}::text[],
        ${settled.map((item) => item.attempt)}::int[], ${settled.map((item) => item.delayMs ?? 0)}::int[],
        ${settled.map((item) => item.result?.status ?? null)}::int[], ${settled.map((item) => describeDeliveryOutcome(item.result, item.skippedReason))}::text[]
      ) AS u(id, status, attempts, delay_ms, status_code, error)
      WHERE d.id = u.id`);
    if (gone.length > 0) {
      await sql.query(Prisma.sql`
        UPDATE webhook_endpoints SET status = 'disabled', disabled_reason = 'Endpoint answered 410 Gone', updated_at = now()
        WHERE id = ANY(${gone}::uuid[])`);
    }
  });
  for (const endpointId of gone) log.warn("webhook endpoint disabled after 410 Gone", { endpointId });
  recordWebhookAttempts(settled.map((item) => ({ outcome: item.status === "pending" ? "retrying" : item.status, latencyMs: item.result?.latencyMs ?? null })));

  const retries = new Map<number, ClaimedDelivery[]>();
  for (const item of settled) {
    if (item.status !== "pending" || item.delayMs === null) continue;
    const group = retries.get(item.delayMs) ?? [];
    group.push(rows.find((row) => row.id === item.id) as ClaimedDelivery);
    retries.set(item.delayMs, group);
  }
  for (const [delayMs, group] of retries) await enqueueDeliveryJobs(groupIntoJobs(group), delayMs);

  return {
    succeeded: settled.filter((item) => item.status === "succeeded").length,
    retrying: settled.filter((item) => item.status === "pending").length,
    failed: settled.filter((item) => item.status === "failed").length,
    disabledEndpoints: gone,
  };
}
