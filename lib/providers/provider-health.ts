import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { type RedisClient, sharedRedis } from "@/lib/queue/connection";

/**
 * Provider health, seen as a circuit breaker would see it: `open` once the last
 * {@link OPEN_AFTER_FAILURES} requests all failed for a transient reason (down, timing out,
 * throttling), `half_open` when the last of those failures is older than {@link PROBE_AFTER_MS}
 * (the next request is a probe), `closed` again on any answer. Permanent refusals (a bad number)
 * are answers, not outages. Today this only observes — sends are not short-circuited; the routing
 * work plugs its breakers in by recording into the same tracker, or replaces it behind
 * {@link readProviderHealth}, which readiness and the metrics read.
 */
export type BreakerState = "closed" | "half_open" | "open";
export type RequestOutcome = "ok" | "transient" | "permanent";

export const OPEN_AFTER_FAILURES = 5;
export const PROBE_AFTER_MS = 30_000;
/** A worker's published view older than this says nothing about the provider now. */
const STALE_AFTER_MS = 10 * 60_000;
/** While a provider keeps failing, its published view is refreshed at most this often. */
const PUBLISH_EVERY_MS = 5_000;

export const BREAKER_STATE_VALUE: Record<BreakerState, number> = { closed: 0, half_open: 1, open: 2 };

export interface ProviderHealthSnapshot {
  provider: string;
  state: BreakerState;
  consecutiveFailures: number;
  lastSuccessAt: string | null;
  lastFailureAt: string | null;
  /** When a worker last published this view; null when no worker has (or it is stale). */
  observedAt: string | null;
}

interface Tracked {
  consecutiveFailures: number;
  lastSuccessAt: number | null;
  lastFailureAt: number | null;
  publishedState: BreakerState | null;
  publishedAt: number;
}

const log = logger.child({ component: "provider-health" });

function stateOf(tracked: Tracked, now: number): BreakerState {
  if (tracked.consecutiveFailures < OPEN_AFTER_FAILURES) return "closed";
  return tracked.lastFailureAt !== null && now - tracked.lastFailureAt >= PROBE_AFTER_MS ? "half_open" : "open";
}

function healthKey(): string {
  return `${env.QUEUE_PREFIX}:provider-health`;
}

/** Shares a view with the web app's readiness and the other workers: one hash field per provider. */
async function publishToRedis(snapshot: ProviderHealthSnapshot): Promise<void> {
  await sharedRedis().hset(healthKey(), snapshot.provider, JSON.stringify(snapshot));
}

export class ProviderHealthTracker {
  private readonly tracked = new Map<string, Tracked>();

  constructor(private readonly publisher: (snapshot: ProviderHealthSnapshot) => Promise<void> = publishToRedis) {}

  record(provider: string, outcome: RequestOutcome, now = Date.now()): void {
    const tracked = this.tracked.get(provider) ?? { consecutiveFailures: 0, lastSuccessAt: null, lastFailureAt: null, publishedState: null, publishedAt: 0 };
    this.tracked.set(provider, tracked);
    if (outcome === "transient") {
      tracked.consecutiveFailures += 1;
      tracked.lastFailureAt = now;
    } else {
      tracked.consecutiveFailures = 0;
      tracked.lastSuccessAt = now;
    }
    const state = stateOf(tracked, now);
    if (state !== tracked.publishedState || (tracked.consecutiveFailures > 0 && now - tracked.publishedAt >= PUBLISH_EVERY_MS)) {
      if (state !== tracked.publishedState) log.info("provider health changed", { provider, state, consecutiveFailures: tracked.consecutiveFailures });
      tracked.publishedState = state;
      tracked.publishedAt = now;
      void this.publish(this.snapshot(provider, now));
    }
  }

  /** This process's view of every provider it has sent through. */
  snapshots(now = Date.now()): ProviderHealthSnapshot[] {
    return [...this.tracked.keys()].map((provider) => this.snapshot(provider, now));
  }

  snapshot(provider: string, now = Date.now()): ProviderHealthSnapshot {
    const tracked = this.tracked.get(provider);
    if (!tracked) return unknownProvider(provider);
    return {
      provider,
      state: stateOf(tracked, now),
      consecutiveFailures: tracked.consecutiveFailures,
      lastSuccessAt: tracked.lastSuccessAt === null ? null : new Date(tracked.lastSuccessAt).toISOString(),
      lastFailureAt: tracked.lastFailureAt === null ? null : new Date(tracked.lastFailureAt).toISOString(),
      observedAt: new Date(now).toISOString(),
    };
  }

  /** Forgets everything (tests). */
  reset(): void {
    this.tracked.clear();
  }

  private async publish(snapshot: ProviderHealthSnapshot): Promise<void> {
    try {
      await this.publisher(snapshot);
    } catch (error) {
      log.warn("could not publish provider health", { provider: snapshot.provider, err: error });
    }
  }
}

function unknownProvider(provider: string): ProviderHealthSnapshot {
  return { provider, state: "closed", consecutiveFailures: 0, lastSuccessAt: null, lastFailureAt: null, observedAt: null };
}

const globalForHealth = globalThis as unknown as { semaProviderHealth?: ProviderHealthTracker };

/** The process-wide tracker the instrumented providers record into. */
export const providerHealth: ProviderHealthTracker = (globalForHealth.semaProviderHealth ??= new ProviderHealthTracker());

/**
 * The latest view of each provider any worker published (a provider nobody has sent through
 * lately counts as closed: nothing says it is down). The state is re-derived from the published
 * failure time, so an `open` provider nobody has tried for a while reads as `half_open`.
 */
export async function readProviderHealth(providers: readonly string[], now = Date.now(), redis: RedisClient = sharedRedis()): Promise<ProviderHealthSnapshot[]> {
  if (providers.length === 0) return [];
  const published = await redis.hmget(healthKey(), ...providers);
  return providers.map((provider, index) => {
    const raw = published[index];
    if (!raw) return unknownProvider(provider);
    const snapshot = JSON.parse(raw) as ProviderHealthSnapshot;
    if (!snapshot.observedAt || now - Date.parse(snapshot.observedAt) > STALE_AFTER_MS) return unknownProvider(provider);
    const tracked: Tracked = {
      consecutiveFailures: snapshot.consecutiveFailures,
      lastSuccessAt: null,
      lastFailureAt: snapshot.lastFailureAt ? Date.parse(snapshot.lastFailureAt) : null,
      publishedState: null,
      publishedAt: 0,
    };
    return { ...snapshot, state: stateOf(tracked, now) };
  });
}

export function isUsable(snapshot: ProviderHealthSnapshot): boolean {
  return snapshot.state !== "open";
}
