import { setTimeout as sleep } from "node:timers/promises";
import { hotQuery, Prisma } from "@/lib/db";
import { applyDlrBatchIsolatingFailures } from "@/lib/dlr/apply-dlr-batch-isolating-failures";
import type { InboundDlr } from "@/lib/dlr/schemas";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { expireStaleMessages } from "@/lib/messages/transitions/expire-stale";
import { metrics } from "@/lib/observability/metrics";
import type { DeliveryReportResult } from "@/lib/providers/types";

/** Asks a provider (by name) for one message's report: the worker's router (lib/routing), through the provider's breaker. */
export type ReportPuller = (provider: string, providerMessageId: string) => Promise<DeliveryReportResult>;

const globalForPuller = globalThis as unknown as { semaReportPuller?: ReportPuller | null };

/** The process's way to ask providers; the sending area registers its router (workers/sending.ts). */
export function registerReportPuller(puller: ReportPuller | null): void {
  globalForPuller.semaReportPuller = puller;
}

/** Without a router the provider cannot be asked: the message waits (grace), as when the provider is down. */
const noRouter: ReportPuller = async () => ({ ok: false, retryable: true, code: "no_router", reason: "no provider router in this process" });

export interface PullThenExpireOptions {
  pull?: ReportPuller;
  /** Messages `sent` longer than this are asked about, then expired if still not final (DLR_EXPIRY_HOURS). */
  olderThanHours?: number;
  /** A message whose provider could not be asked is kept `sent` for this much longer, then expired anyway. */
  graceHours?: number;
  /** Messages asked about per round. */
  limit?: number;
  /** Requests in flight at once. */
  concurrency?: number;
  /** Tries per message when the provider fails (timeout, 5xx); an open circuit is not retried. */
  attempts?: number;
  retryDelayMs?: number;
}

export interface PullThenExpireResult {
  asked: number;
  /** Final reports from the provider, applied like pushed DLRs. */
  final: number;
  expired: number;
  /** Messages left `sent` because their provider could not be asked (retried next sweep). */
  deferred: number;
}

interface Candidate {
  id: string;
  provider: string | null;
  provider_message_id: string | null;
  past_grace: boolean;
}

type Outcome = "final" | "pending" | "unknown" | "failed";

async function ask(pull: ReportPuller, candidate: Candidate, attempts: number, retryDelayMs: number): Promise<DeliveryReportResult> {
  let result: DeliveryReportResult = { ok: false, retryable: true, code: "not_asked", reason: "not asked" };
  for (let attempt = 1; attempt <= attempts; attempt++) {
    result = await pull(candidate.provider!, candidate.provider_message_id!).catch(
      (error: unknown): DeliveryReportResult => ({ ok: false, retryable: true, code: "pull_error", reason: error instanceof Error ? error.message : String(error) }),
    );
    if (result.ok || !result.retryable || result.code === "circuit_open") return result;
    if (attempt < attempts) await sleep(retryDelayMs * attempt);
  }
  return result;
}

async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  });
  await Promise.all(lanes);
  return results;
}

/**
 * The expiry sweep with a last question first: every message `sent` for longer than the expiry
 * window is asked about at its provider (Celcom `getdlr`, SMPP `query_sm`) before it is expired
 * for lack of a final report. Final answers go through the DLR batch path
 * (`applyDlrBatchIsolatingFailures` → `applyFinalReports`), so statuses, charges, timeline and
 * webhooks are exactly those of a pushed report. A pending or unknown answer expires the message;
 * a provider that cannot be asked (timeouts after `attempts`, open circuit) keeps the message
 * `sent` until the next sweep, at most `graceHours` more.
 */
export async function pullThenExpire(options: PullThenExpireOptions = {}): Promise<PullThenExpireResult> {
  const pull = options.pull ?? globalForPuller.semaReportPuller ?? noRouter;
  const hours = options.olderThanHours ?? env.DLR_EXPIRY_HOURS;
  const grace = options.graceHours ?? env.DLR_PULL_GRACE_HOURS;
  const limit = options.limit ?? 500;
  const total: PullThenExpireResult = { asked: 0, final: 0, expired: 0, deferred: 0 };
  const log = logger.child({ component: "dlr-pull" });
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const candidates = await hotQuery<Candidate>(
      "dlr-pull-candidates",
      Prisma.sql`
        SELECT id, provider, provider_message_id,
               COALESCE(sent_at, updated_at) < now() - make_interval(hours => ${hours + grace}::int) AS past_grace
        FROM messages
        WHERE status = 'sent' AND COALESCE(sent_at, updated_at) < now() - make_interval(hours => ${hours}::int) AND id > ${after}::uuid
        ORDER BY id LIMIT ${limit}::int`,
    );
    if (candidates.length === 0) break;
    after = candidates[candidates.length - 1].id;
    const askable = candidates.filter((candidate) => candidate.provider && candidate.provider_message_id);
    const answers = await mapLimit(askable, options.concurrency ?? 8, (candidate) => ask(pull, candidate, options.attempts ?? 2, options.retryDelayMs ?? 500));
    const receivedAt = new Date();
    const reports: InboundDlr[] = [];
    const deferred = new Set<string>();
    askable.forEach((candidate, index) => {
      const answer = answers[index];
      let outcome: Outcome;
      if (answer.ok && answer.outcome) {
        outcome = "final";
        reports.push({
          provider: candidate.provider!,
          providerMessageId: candidate.provider_message_id!,
          description: answer.description,
          status: answer.outcome,
          occurredAt: answer.deliveredAt,
          receivedAt,
          payload: { pulled: true, description: answer.description, deliveredAt: answer.deliveredAt?.toISOString() ?? null },
        });
      } else if (answer.ok) outcome = "pending";
      else if (answer.retryable) {
        outcome = "failed";
        if (!candidate.past_grace) deferred.add(candidate.id);
      } else outcome = "unknown";
      metrics.dlrPulls.inc({ provider: candidate.provider!, outcome });
    });
    total.asked += askable.length;
    if (reports.length > 0) total.final += (await applyDlrBatchIsolatingFailures(reports)).changed;
    total.deferred += deferred.size;
    total.expired += await expireStaleMessages({ olderThanHours: hours, onlyIds: candidates.filter((candidate) => !deferred.has(candidate.id)).map((candidate) => candidate.id) });
    if (candidates.length < limit) break;
  }
  if (total.asked > 0) log.info("missing reports pulled before expiry", { ...total });
  return total;
}
