import { Redis, type RedisOptions } from "ioredis";
import { env } from "@/lib/env";

/**
 * A new Redis connection configured as BullMQ requires (blocking commands never time out); `overrides`
 * lets a non-queue user (the sign-in throttle) give its commands a deadline instead.
 */
export function createRedisConnection(overrides: RedisOptions = {}): Redis {
  return new Redis(env.REDIS_URL, { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: false, ...overrides });
}

const globalForRedis = globalThis as unknown as { semaRedis?: Redis };

/** The process-wide connection shared by queue producers. */
export function sharedRedis(): Redis {
  globalForRedis.semaRedis ??= createRedisConnection();
  return globalForRedis.semaRedis;
}

export async function closeSharedRedis(): Promise<void> {
  const connection = globalForRedis.semaRedis;
  globalForRedis.semaRedis = undefined;
  if (connection) await connection.quit().catch(() => connection.disconnect());
}
