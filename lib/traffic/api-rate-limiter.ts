import { BurstyRateLimiter, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { createRedisConnection, type RedisClient, spreadKeyPrefix } from "@/lib/queue/connection";

export interface ApiRateLimiterOptions {
  redis: RedisClient;
  /** Redis key prefix; buckets are `<prefix>:key:<id>`, `<prefix>:account:<id>` and `<prefix>:ip:<address>`. */
  keyPrefix: string;
  /**
   * Sustained requests per second for each API key and for each account as a whole (an account's
   * override replaces it for both).
   */
  requestsPerSecond: number;
  /**
   * How many requests may arrive at once at the default rate: the bucket holds this many, refilled at
   * the rate above. An account's override keeps the same ratio of burst to rate.
   */
  burst: number;
  /** Requests with a missing, unknown or bad key allowed per client IP per minute. */
  unauthenticatedPerMinute: number;
}

/** What one request's check found: the `RateLimit-*` headers to send, and a refusal's `Retry-After`. */
export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  resetSeconds: number;
}

export interface ApiRateLimiter {
  /** Counts one authenticated request against its key's and its account's buckets. */
  consumeAuthenticated(apiKeyId: string, accountId: string, accountRequestsPerSecond: number | null): Promise<RateLimitDecision | null>;
  /** Counts one request whose key was refused against its client IP. */
  consumeUnauthenticated(ip: string): Promise<RateLimitDecision | null>;
  /** Read-only: whether the IP has spent its budget of bad-key requests (checked before any key lookup answers). */
  unauthenticatedBlocked(ip: string): Promise<RateLimitDecision | null>;
}

// A burst's extra requests come back over this window; the sustained rate refills each second.
const BURST_WINDOW_SECONDS = 10;

function decision(result: RateLimiterRes, limit: number, allowed: boolean): RateLimitDecision {
  return {
    allowed,
    limit,
    remaining: Math.max(0, result.remainingPoints),
    resetSeconds: Math.max(allowed ? 0 : 1, Math.ceil(result.msBeforeNext / 1000)),
  };
}

// Redis only carries counters: when it cannot answer the API keeps serving (fail open) and says so,
// at most once a minute so an outage does not flood the log.
let lastOutageLog = 0;
function failOpen(error: unknown, operation: string): null {
  const now = Date.now();
  if (now - lastOutageLog > 60_000) {
    lastOutageLog = now;
    logger.warn("API rate limiter unavailable; requests not limited", { operation, err: error instanceof Error ? error.message : String(error) });
  }
  return null;
}

export function createApiRateLimiter(options: ApiRateLimiterOptions): ApiRateLimiter {
  const buckets = new Map<string, BurstyRateLimiter | RateLimiterRedis>();

  // One limiter per (scope, rate): the stored counters are shared, the points compared come from the rate.
  function bucket(scope: "key" | "account", requestsPerSecond: number): BurstyRateLimiter | RateLimiterRedis {
    const burst = Math.max(requestsPerSecond, Math.round((requestsPerSecond * options.burst) / options.requestsPerSecond));
    const name = `${scope}:${requestsPerSecond}:${burst}`;
    let limiter = buckets.get(name);
    if (!limiter) {
      const sustained = new RateLimiterRedis({ storeClient: options.redis, keyPrefix: `${options.keyPrefix}:${scope}`, points: requestsPerSecond, duration: 1 });
      const extra = burst - requestsPerSecond;
      limiter = extra <= 0 ? sustained : new BurstyRateLimiter(sustained, new RateLimiterRedis({
        storeClient: options.redis,
        keyPrefix: `${options.keyPrefix}:${scope}-burst`,
        points: extra,
        duration: BURST_WINDOW_SECONDS,
      }));
      buckets.set(name, limiter);
    }
    return limiter;
  }

  const byIp = new RateLimiterRedis({ storeClient: options.redis, keyPrefix: `${options.keyPrefix}:ip`, points: options.unauthenticatedPerMinute, duration: 60 });

  async function consume(limiter: BurstyRateLimiter | RateLimiterRedis, key: string, limit: number): Promise<RateLimitDecision> {
    try {
      return decision(await limiter.consume(key), limit, true);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return decision(rejection, limit, false);
      throw rejection;
    }
  }

  return {
    async consumeAuthenticated(apiKeyId, accountId, accountRequestsPerSecond) {
      const accountRate = accountRequestsPerSecond ?? options.requestsPerSecond;
      try {
        const [byKey, byAccount] = await Promise.all([
          consume(bucket("key", accountRate), apiKeyId, accountRate),
          consume(bucket("account", accountRate), accountId, accountRate),
        ]);
        // The tighter of the two is what the client has to respect.
        if (!byAccount.allowed) return byAccount;
        if (!byKey.allowed) return byKey;
        return byKey.remaining < byAccount.remaining ? byKey : byAccount;
      } catch (error) {
        return failOpen(error, "consumeAuthenticated");
      }
    },

    async consumeUnauthenticated(ip) {
      try {
        return await consume(byIp, ip, options.unauthenticatedPerMinute);
      } catch (error) {
        return failOpen(error, "consumeUnauthenticated");
      }
    },

    async unauthenticatedBlocked(ip) {
      try {
        const state = await byIp.get(ip);
        if (!state || state.consumedPoints < options.unauthenticatedPerMinute) return null;
        return decision(state, options.unauthenticatedPerMinute, false);
      } catch (error) {
        return failOpen(error, "unauthenticatedBlocked");
      }
    },
  };
}

const globalForLimiter = globalThis as unknown as { semaApiRateLimiter?: ApiRateLimiter; semaApiRateLimiterRedis?: RedisClient };

/** The process-wide limiter configured from the environment, on its own Redis connection. */
export function apiRateLimiter(): ApiRateLimiter {
  if (!globalForLimiter.semaApiRateLimiter) {
    // The API must not hang on Redis: commands get a short deadline, then the limiter fails open.
    const redis = createRedisConnection({ maxRetriesPerRequest: 1, commandTimeout: 500 });
    redis.on("error", (error) => logger.debug("API rate limiter redis error", { error }));
    globalForLimiter.semaApiRateLimiterRedis = redis;
    globalForLimiter.semaApiRateLimiter = createApiRateLimiter({
      redis,
      keyPrefix: `${spreadKeyPrefix()}:api-rate`,
      requestsPerSecond: env.API_RATE_LIMIT_PER_SECOND,
      burst: env.API_RATE_LIMIT_BURST,
      unauthenticatedPerMinute: env.API_RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE,
    });
  }
  return globalForLimiter.semaApiRateLimiter;
}

/** Closes the limiter's connection (tests, scripts); the next `apiRateLimiter()` opens a new one. */
export async function closeApiRateLimiter(): Promise<void> {
  const redis = globalForLimiter.semaApiRateLimiterRedis;
  globalForLimiter.semaApiRateLimiter = undefined;
  globalForLimiter.semaApiRateLimiterRedis = undefined;
  if (redis) await redis.quit().catch(() => redis.disconnect());
}

/** The `RateLimit-*` headers (IETF draft names) and, on a refusal, `Retry-After`. */
export function rateLimitHeaders(result: RateLimitDecision): Record<string, string> {
  const headers: Record<string, string> = {
    "ratelimit-limit": String(result.limit),
    "ratelimit-remaining": String(result.remaining),
    "ratelimit-reset": String(result.resetSeconds),
  };
  if (!result.allowed) headers["retry-after"] = String(Math.max(1, result.resetSeconds));
  return headers;
}
