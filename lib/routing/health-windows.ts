import { db } from "@/lib/db";
import type { RedisClient } from "@/lib/queue/connection";

// Rolling health windows per provider in Redis, shared by every worker: 10-second buckets (one
// hash each, expiring after the window) with accepted/failed counts and a latency histogram.
// Postgres (send_attempts) is the truth: when the buckets are lost, the first reader rebuilds them.

export const BUCKET_MS = 10_000;
export const WINDOW_MS = 5 * 60_000;
/** Upper bounds (ms) of the latency histogram's buckets; the last one is open-ended. */
export const LATENCY_BOUNDS_MS = [25, 50, 100, 200, 400, 800, 1_600, 3_200, 6_400, 12_800] as const;

export interface HealthSample {
  provider: string;
  ok: boolean;
  latencyMs: number;
  at: number;
}

export interface ProviderHealth {
  attempts: number;
  successes: number;
  successRatio: number | null;
  p50LatencyMs: number | null;
  p95LatencyMs: number | null;
  /** Submissions per second over the last complete bucket. */
  perSecond: number;
}

export function latencyBucket(latencyMs: number): number {
  const index = LATENCY_BOUNDS_MS.findIndex((bound) => latencyMs <= bound);
  return index === -1 ? LATENCY_BOUNDS_MS.length : index;
}

/** The quantile as the upper bound of the histogram bucket that holds it (the open bucket reports twice the last bound). */
export function quantileFromHistogram(histogram: readonly number[], quantile: number): number | null {
  const total = histogram.reduce((sum, count) => sum + count, 0);
  if (total === 0) return null;
  const rank = Math.ceil(total * quantile);
  let seen = 0;
  for (let index = 0; index < histogram.length; index++) {
    seen += histogram[index];
    if (seen >= rank) return LATENCY_BOUNDS_MS[index] ?? LATENCY_BOUNDS_MS[LATENCY_BOUNDS_MS.length - 1] * 2;
  }
  return null;
}

const bucketOf = (at: number) => Math.floor(at / BUCKET_MS);

export class HealthWindows {
  private pending: HealthSample[] = [];

  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
  ) {}

  private key(provider: string, bucket: number): string {
    return `${this.prefix}:routing:health:${provider}:${bucket}`;
  }

  /** Buffered; written by the next flush (the router flushes every second and on close). */
  record(sample: HealthSample): void {
    this.pending.push(sample);
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const samples = this.pending;
    this.pending = [];
    const pipeline = this.redis.pipeline();
    const touched = new Set<string>();
    for (const sample of samples) {
      const key = this.key(sample.provider, bucketOf(sample.at));
      pipeline.hincrby(key, sample.ok ? "ok" : "fail", 1);
      pipeline.hincrby(key, `h${latencyBucket(sample.latencyMs)}`, 1);
      touched.add(key);
    }
    for (const key of touched) pipeline.pexpire(key, WINDOW_MS + 2 * BUCKET_MS);
    await pipeline.exec();
  }

  /** Health over the last five minutes; rebuilds the buckets from Postgres first if Redis lost them. */
  async read(providers: readonly string[], now = Date.now()): Promise<Map<string, ProviderHealth>> {
    await this.rebuildIfLost(now);
    const current = bucketOf(now);
    const buckets = Array.from({ length: WINDOW_MS / BUCKET_MS }, (_, index) => current - index);
    const pipeline = this.redis.pipeline();
    for (const provider of providers) for (const bucket of buckets) pipeline.hgetall(this.key(provider, bucket));
    const replies = (await pipeline.exec()) ?? [];
    const result = new Map<string, ProviderHealth>();
    providers.forEach((provider, providerIndex) => {
      let ok = 0;
      let fail = 0;
      let lastComplete = 0;
      const histogram = new Array<number>(LATENCY_BOUNDS_MS.length + 1).fill(0);
      buckets.forEach((_bucket, bucketIndex) => {
        const hash = (replies[providerIndex * buckets.length + bucketIndex]?.[1] ?? {}) as Record<string, string>;
        const bucketOk = Number(hash.ok ?? 0);
        const bucketFail = Number(hash.fail ?? 0);
        ok += bucketOk;
        fail += bucketFail;
        if (bucketIndex === 1) lastComplete = bucketOk + bucketFail;
        for (let index = 0; index < histogram.length; index++) histogram[index] += Number(hash[`h${index}`] ?? 0);
      });
      const attempts = ok + fail;
      result.set(provider, {
        attempts,
        successes: ok,
        successRatio: attempts === 0 ? null : ok / attempts,
        p50LatencyMs: quantileFromHistogram(histogram, 0.5),
        p95LatencyMs: quantileFromHistogram(histogram, 0.95),
        perSecond: lastComplete / (BUCKET_MS / 1_000),
      });
    });
    return result;
  }

  /**
   * One process per window rebuilds (a marker key decides who): every bucket of the last five
   * minutes is overwritten with the counts recorded in send_attempts, which include everything the
   * lost buckets held.
   */
  async rebuildIfLost(now = Date.now()): Promise<boolean> {
    const marker = `${this.prefix}:routing:health:rebuilt`;
    const won = await this.redis.set(marker, String(now), "PX", WINDOW_MS, "NX");
    if (won !== "OK") return false;
    const rows = await db.$queryRaw<{ provider: string; bucket: bigint; ok: bigint; fail: bigint; histogram: number[] }[]>`
      SELECT provider, floor(extract(epoch FROM created_at) * 1000 / ${BUCKET_MS})::bigint AS bucket,
             count(*) FILTER (WHERE outcome <> 'provider_failure') AS ok,
             count(*) FILTER (WHERE outcome = 'provider_failure') AS fail,
             array_agg(width_bucket(COALESCE(latency_ms, 0), ${[0, ...LATENCY_BOUNDS_MS.map((b) => b + 1)]}::int[]) - 1) AS histogram
      FROM send_attempts
      WHERE created_at > ${new Date(now - WINDOW_MS)} AND outcome <> 'skipped'
      GROUP BY 1, 2`;
    if (rows.length === 0) return true;
    const pipeline = this.redis.pipeline();
    for (const row of rows) {
      const key = this.key(row.provider, Number(row.bucket));
      const fields: Record<string, number> = { ok: Number(row.ok), fail: Number(row.fail) };
      for (const index of row.histogram) fields[`h${index}`] = (fields[`h${index}`] ?? 0) + 1;
      pipeline.hset(key, fields);
      pipeline.pexpire(key, WINDOW_MS + 2 * BUCKET_MS);
    }
    await pipeline.exec();
    return true;
  }
}
