import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { createSignInThrottle, type SignInThrottle } from "@/lib/auth/sign-in-throttle";
import { createRedisConnection } from "@/lib/queue/connection";

const redis = createRedisConnection();
afterAll(() => redis.quit());

const WINDOW_SECONDS = 2;

function throttle(): SignInThrottle {
  return createSignInThrottle({ redis, keyPrefix: `${process.env.QUEUE_PREFIX}:throttle-${randomBytes(3).toString("hex")}`, maxFailures: 10, windowSeconds: WINDOW_SECONDS });
}

const email = () => `someone-${randomBytes(3).toString("hex")}@example.test`;
const ip = () => `203.0.113.${randomBytes(1)[0]}`;

describe("sign-in throttle (real Redis)", () => {
  it("allows 10 failures for one email from any addresses and refuses the 11th until the window ends", async () => {
    const limiter = throttle();
    const target = email();
    for (let failure = 1; failure <= 10; failure++) expect(await limiter.attempt(target, `10.0.0.${failure}`)).toEqual({ allowed: true });

    const refused = await limiter.attempt(target, "10.0.1.1");
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: expect.any(Number) });
    expect(refused.allowed === false && refused.retryAfterSeconds).toBeLessThanOrEqual(WINDOW_SECONDS);
    expect(await limiter.check(target, "10.0.1.1")).toMatchObject({ allowed: false });
    // Other emails from the same addresses are unaffected.
    expect(await limiter.attempt(email(), "10.0.0.1")).toEqual({ allowed: true });

    await expect.poll(() => limiter.attempt(target, "10.0.1.2"), { timeout: (WINDOW_SECONDS + 2) * 1000, interval: 250 }).toEqual({ allowed: true });
  });

  it("allows 10 failures from one IP across emails and refuses the 11th; other IPs go on", async () => {
    const limiter = throttle();
    const address = ip();
    for (let failure = 1; failure <= 10; failure++) expect((await limiter.attempt(email(), address)).allowed).toBe(true);
    expect((await limiter.attempt(email(), address)).allowed).toBe(false);
    expect(await limiter.check(null, address)).toMatchObject({ allowed: false });
    expect((await limiter.attempt(email(), "192.0.2.200")).allowed).toBe(true);
    await expect.poll(async () => (await limiter.attempt(email(), address)).allowed, { timeout: (WINDOW_SECONDS + 2) * 1000, interval: 250 }).toBe(true);
  });

  it("counts failures only: a success clears the email's count and returns the IP's attempt", async () => {
    const limiter = throttle();
    const [target, address] = [email(), ip()];
    for (let failure = 1; failure <= 9; failure++) await limiter.attempt(target, address);
    expect((await limiter.attempt(target, address)).allowed).toBe(true);
    await limiter.succeeded(target, address);
    // The email starts again from zero; the IP still holds its 9 failures, so one more is allowed.
    expect((await limiter.attempt(target, address)).allowed).toBe(true);
    expect((await limiter.attempt(target, address)).allowed).toBe(false);
    expect((await limiter.attempt(target, "192.0.2.201")).allowed).toBe(true);
  });

  it("a refusal for the email does not count against the address", async () => {
    const limiter = throttle();
    const [target, address] = [email(), ip()];
    for (let failure = 1; failure <= 10; failure++) await limiter.attempt(target, `10.1.0.${failure}`);
    for (let refusal = 1; refusal <= 15; refusal++) expect((await limiter.attempt(target, address)).allowed).toBe(false);
    expect((await limiter.attempt(email(), address)).allowed).toBe(true);
  });

  it("fails open when Redis cannot be reached", async () => {
    const unreachable = new Redis("redis://127.0.0.1:1", { maxRetriesPerRequest: 1, commandTimeout: 300, lazyConnect: true });
    unreachable.on("error", () => {});
    const limiter = createSignInThrottle({ redis: unreachable, keyPrefix: "unused", maxFailures: 1, windowSeconds: 60 });
    try {
      expect(await limiter.attempt(email(), ip())).toEqual({ allowed: true });
      expect(await limiter.check(email(), ip())).toEqual({ allowed: true });
      await expect(limiter.succeeded(email(), ip())).resolves.toBeUndefined();
    } finally {
      unreachable.disconnect();
    }
  });
});
