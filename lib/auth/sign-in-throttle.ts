import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { createRedisConnection, type RedisClient, spreadKeyPrefix } from "@/lib/queue/connection";

export interface SignInThrottleOptions {
  redis: RedisClient;
  /** Redis key prefix; the limiter's keys are `<prefix>:email:<email>` and `<prefix>:ip:<address>`. */
  keyPrefix: string;
  /** Failed attempts allowed per email and per IP within one window; the next one is refused. */
  maxFailures: number;
  /** The window starts at the first failure and lasts this long (whole seconds). */
  windowSeconds: number;
}

export type SignInAttempt = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface SignInThrottle {
  /**
   * Reserves one attempt against the IP's and the email's budgets, or refuses when either is spent.
   * A reserved attempt counts as a failure unless `succeeded` gives it back, so parallel guesses
   * cannot slip past the limit while their passwords are being checked.
   */
  attempt(email: string, ip: string): Promise<SignInAttempt>;
  /** A correct password: the email's failures are forgotten and the IP's reserved attempt is returned. */
  succeeded(email: string, ip: string): Promise<void>;
  /** Read-only: whether the next attempt for this email (when known) or IP would be refused. */
  check(email: string | null, ip: string): Promise<SignInAttempt>;
}

const ALLOWED: SignInAttempt = { allowed: true };

function refused(result: RateLimiterRes): SignInAttempt {
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(result.msBeforeNext / 1000)) };
}

// Redis only carries the counters: when it cannot answer, sign-in keeps working (fail open) and says so.
function failOpen(error: unknown, operation: string): SignInAttempt {
  logger.warn("sign-in throttle unavailable; attempt not limited", { operation, error });
  return ALLOWED;
}

export function createSignInThrottle(options: SignInThrottleOptions): SignInThrottle {
  const limiter = (kind: "email" | "ip") =>
    new RateLimiterRedis({
      storeClient: options.redis,
      keyPrefix: `${options.keyPrefix}:${kind}`,
      points: options.maxFailures,
      duration: options.windowSeconds,
    });
  const byEmail = limiter("email");
  const byIp = limiter("ip");

  async function consume(target: RateLimiterRedis, key: string): Promise<RateLimiterRes | null> {
    try {
      await target.consume(key);
      return null;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return rejection;
      throw rejection;
    }
  }

  return {
    async attempt(email, ip) {
      try {
        const ipRefusal = await consume(byIp, ip);
        if (ipRefusal) return refused(ipRefusal);
        const emailRefusal = await consume(byEmail, email);
        if (!emailRefusal) return ALLOWED;
        // Refused before any password check: not a failure to hold against this address.
        await byIp.reward(ip);
        return refused(emailRefusal);
      } catch (error) {
        return failOpen(error, "attempt");
      }
    },

    async succeeded(email, ip) {
      try {
        await Promise.all([byEmail.delete(email), byIp.reward(ip)]);
      } catch (error) {
        failOpen(error, "succeeded");
      }
    },

    async check(email, ip) {
      try {
        const [emailState, ipState] = await Promise.all([email === null ? null : byEmail.get(email), byIp.get(ip)]);
        const spent = [emailState, ipState].filter((state): state is RateLimiterRes => state !== null && state.consumedPoints >= options.maxFailures);
        if (spent.length === 0) return ALLOWED;
        return refused(spent.reduce((longest, state) => (state.msBeforeNext > longest.msBeforeNext ? state : longest)));
      } catch (error) {
        return failOpen(error, "check");
      }
    },
  };
}

const globalForThrottle = globalThis as unknown as { semaSignInThrottle?: SignInThrottle; semaSignInRedis?: RedisClient };

/** The process-wide throttle configured from the environment, on its own Redis connection. */
export function signInThrottle(): SignInThrottle {
  if (!globalForThrottle.semaSignInThrottle) {
    // Sign-in must not hang on Redis: commands get a deadline instead of BullMQ's endless retries.
    const redis = createRedisConnection({ maxRetriesPerRequest: 1, commandTimeout: 1_000 });
    redis.on("error", (error) => logger.debug("sign-in throttle redis error", { error }));
    globalForThrottle.semaSignInRedis = redis;
    globalForThrottle.semaSignInThrottle = createSignInThrottle({
      redis,
      keyPrefix: `${spreadKeyPrefix()}:sign-in`,
      maxFailures: env.SIGN_IN_MAX_FAILURES,
      windowSeconds: env.SIGN_IN_WINDOW_SECONDS,
    });
  }
  return globalForThrottle.semaSignInThrottle;
}

/** Closes the throttle's connection (tests, scripts); the next `signInThrottle()` opens a new one. */
export async function closeSignInThrottle(): Promise<void> {
  const redis = globalForThrottle.semaSignInRedis;
  globalForThrottle.semaSignInThrottle = undefined;
  globalForThrottle.semaSignInRedis = undefined;
  if (redis) await redis.quit().catch(() => redis.disconnect());
}

/** "Try again in N minutes." for a refusal. */
export function throttledMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many sign-in attempts. Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
}
