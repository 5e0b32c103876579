import { Cluster, Redis, type ClusterOptions, type RedisOptions } from "ioredis";
import { env } from "@/lib/env";

/** A connection to a single Redis (or one behind Sentinel) or to a Redis Cluster: both speak the same commands. */
export type RedisClient = Redis | Cluster;

interface ClusterNode {
  host: string;
  port: number;
}

/**
 * `REDIS_CLUSTER_NODES`: a comma-separated list of seed nodes, `host:port` or
 * `redis[s]://[user:password@]host:port`. Credentials and TLS of the first URL that has them apply
 * to every node (the cluster reports the others itself). Empty means a single Redis at REDIS_URL.
 */
export function parseClusterNodes(value: string): { nodes: ClusterNode[]; redisOptions: RedisOptions } {
  const redisOptions: RedisOptions = {};
  const nodes = value
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const url = new URL(entry.includes("://") ? entry : `redis://${entry}`);
      if (url.password && redisOptions.password === undefined) {
        redisOptions.password = decodeURIComponent(url.password);
        if (url.username) redisOptions.username = decodeURIComponent(url.username);
      }
      if (url.protocol === "rediss:") redisOptions.tls ??= {};
      return { host: url.hostname, port: Number(url.port || 6379) };
    });
  return { nodes, redisOptions };
}

/** Whether this process talks to a Redis Cluster (REDIS_CLUSTER_NODES is set). */
export function usesRedisCluster(): boolean {
  return env.REDIS_CLUSTER_NODES.trim() !== "";
}

/**
 * The one Redis connection factory: a new connection configured as BullMQ requires (blocking
 * commands never time out); `overrides` lets a non-queue user (the sign-in throttle, readiness) give
 * its commands a deadline instead. With REDIS_CLUSTER_NODES it is an ioredis Cluster whose node
 * connections get the same options; every multi-key operation of the platform stays in one hash
 * slot because its keys share the hash-tagged QUEUE_PREFIX (lib/env.ts).
 */
export function createRedisConnection(overrides: RedisOptions = {}, clusterOverrides: ClusterOptions = {}): RedisClient {
  const options: RedisOptions = { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: false, ...overrides };
  if (!usesRedisCluster()) return new Redis(env.REDIS_URL, options);
  const { nodes, redisOptions } = parseClusterNodes(env.REDIS_CLUSTER_NODES);
  const { lazyConnect, enableOfflineQueue, enableReadyCheck, retryStrategy, ...nodeOptions } = options;
  return new Cluster(nodes, {
    lazyConnect,
    enableOfflineQueue,
    enableReadyCheck,
    ...(retryStrategy ? { clusterRetryStrategy: (times: number) => retryStrategy(times) ?? null } : {}),
    // Cluster hosts often announce addresses that only resolve inside their network; keep them as given.
    dnsLookup: (address, callback) => callback(null, address),
    ...clusterOverrides,
    redisOptions: { ...redisOptions, ...nodeOptions, ...clusterOverrides.redisOptions },
  });
}

const globalForRedis = globalThis as unknown as { semaRedis?: RedisClient };

/** The process-wide connection shared by queue producers. */
export function sharedRedis(): RedisClient {
  globalForRedis.semaRedis ??= createRedisConnection();
  return globalForRedis.semaRedis;
}

export async function closeSharedRedis(): Promise<void> {
  const connection = globalForRedis.semaRedis;
  globalForRedis.semaRedis = undefined;
  if (connection) await connection.quit().catch(() => connection.disconnect());
}

/**
 * The key prefix of single-key counters (rate limits): QUEUE_PREFIX without its hash tag, so on a
 * cluster each counter lands on its own slot and the load spreads over the masters.
 */
export function spreadKeyPrefix(): string {
  return env.QUEUE_PREFIX.replace(/[{}]/g, "");
}
