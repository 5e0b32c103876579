import { Redis } from "ioredis";
import { env } from "@/lib/env";

/** A new Redis connection configured as BullMQ requires (blocking commands never time out). */
export function createRedisConnection(): Redis {
  return new Redis(env.REDIS_URL, { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: false });
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
