import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import type { RedisClient } from "@/lib/queue/connection";

export type SendLane = "priority" | "bulk";

/** Share of a provider's rate campaign (bulk) sends may take, so single priority sends always find room. */
export const BULK_SHARE = 0.8;

export interface ThrottleSlots {
  slotMs: number;
  /** Sends allowed per slot for the lane. */
  perSlot: number;
}

/**
 * A provider's rate as short slots: 100 ms slots (or one send per slot below 10/s). Any 1-second
 * window then spans at most 11 slots, so a provider never sees more than its rate plus one slot's
 * worth, however many worker processes send, and a slot boundary cannot let through a double burst
 * the way 1-second windows do.
 */
export function throttleSlots(maxPerSecond: number, lane: SendLane): ThrottleSlots {
  const slotMs = Math.max(100, Math.ceil(1_000 / maxPerSecond));
  const perSlot = Math.max(1, Math.floor((maxPerSecond * slotMs) / 1_000));
  return { slotMs, perSlot: lane === "bulk" ? Math.max(1, Math.floor(perSlot * BULK_SHARE)) : perSlot };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Per-provider send rate across every worker, counted in Redis by rate-limiter-flexible. Both
 * lanes count in the same slot key; bulk sends are refused once the slot is 80 % used, priority
 * sends only when it is full. A refused request gives its points back, so waiting senders never
 * eat into the slot they were refused.
 */
export class ProviderThrottle {
  private readonly limiters = new Map<number, RateLimiterRedis>();

  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
  ) {}

  private limiter(points: number): RateLimiterRedis {
    let limiter = this.limiters.get(points);
    if (!limiter) {
      limiter = new RateLimiterRedis({ storeClient: this.redis, keyPrefix: `${this.prefix}:routing:throttle`, points, duration: 1 });
      this.limiters.set(points, limiter);
    }
    return limiter;
  }

  waitingKey(provider: string): string {
    return `${this.prefix}:routing:waiting:${provider}`;
  }

  /** Resolves once `count` sends to `provider` fit within its rate. */
  async acquire(provider: string, maxPerSecond: number, count: number, lane: SendLane): Promise<void> {
    const { slotMs, perSlot } = throttleSlots(maxPerSecond, lane);
    const limiter = this.limiter(perSlot);
    let remaining = count;
    let waiting = false;
    try {
      while (remaining > 0) {
        const take = Math.min(remaining, perSlot);
        const slot = Math.floor(Date.now() / slotMs);
        const key = `${provider}:${slotMs}:${slot}`;
        try {
          await limiter.consume(key, take);
          remaining -= take;
          continue;
        } catch (error) {
          if (!(error instanceof RateLimiterRes)) throw error;
          await limiter.reward(key, take);
        }
        if (!waiting) {
          waiting = true;
          await this.redis.incrby(this.waitingKey(provider), count);
        }
        await sleep((slot + 1) * slotMs - Date.now() + Math.floor(Math.random() * 5));
      }
    } finally {
      if (waiting) await this.redis.decrby(this.waitingKey(provider), count);
    }
  }
}
