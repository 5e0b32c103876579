import { Redis } from "ioredis";
import { db } from "@/lib/db";
import { createRedisConnection } from "@/lib/queue/connection";
import { providerFromEnv } from "@/lib/providers/from-env";
import { isUsable, providerHealth, readProviderHealth, type ProviderHealthSnapshot } from "@/lib/providers/provider-health";

export interface CheckResult {
  ok: boolean;
  latencyMs: number;
  error?: string;
}

export interface ProvidersCheck extends CheckResult {
  providers: (ProviderHealthSnapshot & { usable: boolean })[];
}

export interface Readiness {
  ready: boolean;
  checks: { postgres: CheckResult; redis: CheckResult; providers: ProvidersCheck };
}

export interface ReadinessOptions {
  /** Defaults to REDIS_URL (tests point it at a closed port). */
  redisUrl?: string;
  /** Defaults to the configured provider(s). */
  providers?: readonly string[];
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 2_000;

async function withinTimeout<T>(work: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function timed<T>(work: () => Promise<T>): Promise<{ latencyMs: number; value?: T; error?: string }> {
  const started = performance.now();
  try {
    const value = await work();
    return { latencyMs: Math.round(performance.now() - started), value };
  } catch (error) {
    return { latencyMs: Math.round(performance.now() - started), error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The providers sends go through: the enabled providers of the routing table (lib/routing) and the
 * bootstrap provider SMS_PROVIDER configures, which carries countries no route covers.
 */
async function configuredProviders(): Promise<string[]> {
  const routed = await db.provider.findMany({ where: { enabled: true }, select: { name: true }, orderBy: { name: "asc" } }).catch(() => []);
  return [...new Set([providerFromEnv().name, ...routed.map((row) => row.name)])];
}

/**
 * Readiness: Postgres answers, Redis answers, and at least one provider is usable (its recent
 * requests are not all failing: lib/providers/provider-health). Each check reports its latency;
 * nothing is retried, and each check gives up after `timeoutMs`. Redis is reached on a connection
 * of its own that never queues or retries, so a Redis outage fails the check instead of hanging it.
 */
export async function checkReadiness(options: ReadinessOptions = {}): Promise<Readiness> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const probeOptions = { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: timeoutMs };
  const redis = options.redisUrl ? new Redis(options.redisUrl, probeOptions) : createRedisConnection(probeOptions);
  redis.on("error", () => undefined);
  try {
    const [postgres, redisPing] = await Promise.all([
      timed(() => withinTimeout(db.$queryRaw`SELECT 1`, timeoutMs, "Postgres")),
      timed(async () => {
        await withinTimeout(redis.connect(), timeoutMs, "Redis");
        return withinTimeout(redis.ping(), timeoutMs, "Redis");
      }),
    ]);
    const providers = await timed(async () => {
      const names = options.providers ?? (await configuredProviders());
      const published = redisPing.error ? names.map((name) => providerHealth.snapshot(name)) : await withinTimeout(readProviderHealth(names, Date.now(), redis), timeoutMs, "Redis");
      // This process's own view (a worker that is sending) is the most recent one.
      const local = new Map(providerHealth.snapshots().map((snapshot) => [snapshot.provider, snapshot]));
      return published.map((snapshot) => ({ ...(local.get(snapshot.provider) ?? snapshot), usable: isUsable(local.get(snapshot.provider) ?? snapshot) }));
    });
    const usable = providers.value?.some((provider) => provider.usable) ?? false;
    const checks = {
      postgres: { ok: !postgres.error, latencyMs: postgres.latencyMs, ...(postgres.error ? { error: postgres.error } : {}) },
      redis: { ok: !redisPing.error, latencyMs: redisPing.latencyMs, ...(redisPing.error ? { error: redisPing.error } : {}) },
      providers: {
        ok: usable,
        latencyMs: providers.latencyMs,
        providers: providers.value ?? [],
        ...(providers.error ? { error: providers.error } : usable ? {} : { error: "no provider is usable: every recent request failed" }),
      },
    };
    return { ready: checks.postgres.ok && checks.redis.ok && checks.providers.ok, checks };
  } finally {
    redis.disconnect();
  }
}
