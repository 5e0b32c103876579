import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { GET as accountRoute } from "@/app/api/v1/account/route";
import { GET as balanceRoute } from "@/app/api/v1/balance/route";
import { POST as sendRoute } from "@/app/api/v1/messages/route";
import { setApiRateLimit } from "@/lib/accounts/set-api-rate-limit";
import { db } from "@/lib/db";
import { createApiRateLimiter } from "@/lib/traffic/api-rate-limiter";
import { createTestAccount } from "@/tests/helpers/accounts";
import { callRoute } from "@/tests/helpers/http";

const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", { maxRetriesPerRequest: 1 });
afterAll(async () => {
  await redis.quit();
});

const prefix = () => `${process.env.QUEUE_PREFIX}:rate-test-${randomBytes(3).toString("hex")}`;

describe("API rate limits through /v1", () => {
  it("puts RateLimit headers on every response, errors included", async () => {
    const account = await createTestAccount();
    const ok = await callRoute(balanceRoute, { apiKey: account.apiKey, path: "/api/v1/balance" });
    expect(ok.status).toBe(200);
    expect(Number(ok.headers.get("ratelimit-limit"))).toBeGreaterThan(0);
    expect(ok.headers.get("ratelimit-remaining")).toMatch(/^\d+$/);
    expect(ok.headers.get("ratelimit-reset")).toMatch(/^\d+$/);

    const invalid = await callRoute(sendRoute, { apiKey: account.apiKey, path: "/api/v1/messages", body: { from: account.senderId, to: "nope", body: "hi" } });
    expect(invalid.status).toBe(422);
    expect(invalid.headers.get("ratelimit-limit")).not.toBeNull();
  });

  it("refuses past an account's override with 429, Retry-After and the headers, and other accounts are unaffected", async () => {
    const limited = await createTestAccount();
    const other = await createTestAccount();
    await setApiRateLimit(limited.accountId, 3);

    // At once, so that all five fall in the same one-second window.
    const results = await Promise.all(Array.from({ length: 5 }, () => callRoute(accountRoute, { apiKey: limited.apiKey, path: "/api/v1/account" })));
    const passed = results.filter((result) => result.status === 200);
    const refused = results.filter((result) => result.status === 429);
    expect([passed.length, refused.length]).toEqual([3, 2]);
    expect(refused[0].body).toMatchObject({ error: { code: "rate_limited" } });
    expect(Number(refused[0].headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(refused[0].headers.get("ratelimit-limit")).toBe("3");
    expect(refused[0].headers.get("ratelimit-remaining")).toBe("0");
    expect(passed.map((result) => result.headers.get("ratelimit-remaining")).sort()).toEqual(["0", "1", "2"]);

    expect((await callRoute(accountRoute, { apiKey: other.apiKey, path: "/api/v1/account" })).status).toBe(200);

    await setApiRateLimit(limited.accountId, null);
    expect((await callRoute(accountRoute, { apiKey: limited.apiKey, path: "/api/v1/account" })).status).toBe(200);
  });

  it("limits sends (body-first routes) before anything is reserved", async () => {
    const account = await createTestAccount({ credits: 10_000 });
    await setApiRateLimit(account.accountId, 2);
    const results = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        callRoute(sendRoute, { apiKey: account.apiKey, path: "/api/v1/messages", body: { from: account.senderId, to: "+254712345678", body: `hello ${i}` } }),
      ),
    );
    expect(results.map((result) => result.status).sort()).toEqual([202, 202, 429, 429]);
    expect(await db.message.count({ where: { accountId: account.accountId } })).toBe(2);
  });
});

describe("API rate limiter", () => {
  it("lets a burst through, then refuses until the bucket refills", async () => {
    const limiter = createApiRateLimiter({ redis, keyPrefix: prefix(), requestsPerSecond: 5, burst: 10, unauthenticatedPerMinute: 3 });
    const decisions = [];
    for (let i = 0; i < 11; i++) decisions.push(await limiter.consumeAuthenticated("key-1", "account-1", null));
    expect(decisions.slice(0, 10).every((decision) => decision?.allowed)).toBe(true);
    expect(decisions[10]).toMatchObject({ allowed: false, limit: 5, remaining: 0 });
    // Another key of another account has its own buckets.
    expect(await limiter.consumeAuthenticated("key-2", "account-2", null)).toMatchObject({ allowed: true });
  });

  it("counts every key of an account against the account's bucket", async () => {
    const limiter = createApiRateLimiter({ redis, keyPrefix: prefix(), requestsPerSecond: 2, burst: 2, unauthenticatedPerMinute: 3 });
    expect(await limiter.consumeAuthenticated("key-a", "account", null)).toMatchObject({ allowed: true });
    expect(await limiter.consumeAuthenticated("key-b", "account", null)).toMatchObject({ allowed: true });
    expect(await limiter.consumeAuthenticated("key-c", "account", null)).toMatchObject({ allowed: false });
  });

  it("limits bad-key requests per IP, and a spent IP stays blocked", async () => {
    const limiter = createApiRateLimiter({ redis, keyPrefix: prefix(), requestsPerSecond: 100, burst: 200, unauthenticatedPerMinute: 3 });
    expect(await limiter.unauthenticatedBlocked("203.0.113.9")).toBeNull();
    for (let i = 0; i < 3; i++) expect(await limiter.consumeUnauthenticated("203.0.113.9")).toMatchObject({ allowed: true });
    expect(await limiter.consumeUnauthenticated("203.0.113.9")).toMatchObject({ allowed: false, limit: 3 });
    const blocked = await limiter.unauthenticatedBlocked("203.0.113.9");
    expect(blocked).toMatchObject({ allowed: false });
    expect(blocked!.resetSeconds).toBeGreaterThan(1);
    expect(await limiter.unauthenticatedBlocked("203.0.113.10")).toBeNull();
  });

  it("fails open when Redis cannot be reached", async () => {
    const unreachable = new Redis("redis://127.0.0.1:1", { maxRetriesPerRequest: 0, enableOfflineQueue: false, lazyConnect: true, retryStrategy: () => null });
    unreachable.on("error", () => undefined);
    const limiter = createApiRateLimiter({ redis: unreachable, keyPrefix: prefix(), requestsPerSecond: 1, burst: 1, unauthenticatedPerMinute: 1 });
    expect(await limiter.consumeAuthenticated("key", "account", null)).toBeNull();
    expect(await limiter.consumeUnauthenticated("198.51.100.1")).toBeNull();
    expect(await limiter.unauthenticatedBlocked("198.51.100.1")).toBeNull();
    unreachable.disconnect();
  });
});
