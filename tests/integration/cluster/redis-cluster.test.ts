import { Cluster } from "ioredis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// The suite's Redis is the 3-master cluster the global setup started (tests/setup/redis-cluster.ts):
// set before any module reads the environment, and unset again for the files that run after this one.
const clusterNodes = vi.hoisted(() => {
  const nodes = process.env.TEST_REDIS_CLUSTER_NODES;
  if (nodes) process.env.REDIS_CLUSTER_NODES = nodes;
  return nodes;
});

import { POST as dlrCallback } from "@/app/api/callbacks/celcom/dlr/route";
import { GET as accountRoute } from "@/app/api/v1/account/route";
import { POST as sendMessageRoute } from "@/app/api/v1/messages/route";
import { POST as createEndpoint } from "@/app/api/v1/webhooks/route";
import { setApiRateLimit } from "@/lib/accounts/set-api-rate-limit";
import { checkLedger } from "@/lib/credits/check-ledger";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { checkReadiness } from "@/lib/observability/readiness";
import { createProvider } from "@/lib/providers";
import { createRedisConnection, sharedRedis, spreadKeyPrefix } from "@/lib/queue/connection";
import { getQueue, upsertSchedules } from "@/lib/queue/enqueue";
import { HealthWindows } from "@/lib/routing/health-windows";
import { ProviderThrottle } from "@/lib/routing/provider-throttle";
import { closeApiRateLimiter } from "@/lib/traffic/api-rate-limiter";
import { verifyWebhookSignature } from "@/lib/webhooks/signing";
import { createCelcomSimulator, type CelcomSimulator } from "@/simulators/celcom/create-celcom-simulator";
import { createTestAccount } from "@/tests/helpers/accounts";
import { callRoute } from "@/tests/helpers/http";
import { waitFor } from "@/tests/helpers/messages";
import { serveRoute, startWebhookReceiver, type WebhookReceiver } from "@/tests/helpers/webhook-receiver";
import { celcomDefinition, kenyaTable } from "@/tests/integration/routing/helpers";
import { startDlr } from "@/workers/dlr";
import type { Closeable } from "@/workers/runtime";
import { startSending } from "@/workers/sending";
import { startWebhooks } from "@/workers/webhooks";

const skipped = process.env.TEST_REDIS_CLUSTER_SKIPPED;
if (!clusterNodes) process.stderr.write(`Redis Cluster suite skipped: ${skipped ?? "no cluster was started"}\n`);

// Named as the bootstrap Celcom provider, whose DLR callback (/api/callbacks/celcom/dlr) the simulator posts to.
const PROVIDER = "celcom";
const PER_SECOND = 10;

describe.skipIf(!clusterNodes)(`on a 3-master Redis Cluster${clusterNodes ? "" : ` (skipped: ${skipped})`}`, () => {
  let simulator: CelcomSimulator;
  let callbackServer: { url: string; close(): Promise<void> };
  let receiver: WebhookReceiver;
  let workers: Closeable[] = [];

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    callbackServer = await serveRoute(dlrCallback);
    simulator = await createCelcomSimulator({
      dlrUrl: `${callbackServer.url}/api/callbacks/celcom/dlr`,
      dlrToken: env.DLR_CALLBACK_TOKEN,
      dlrLatencyMinMs: 10,
      dlrLatencyMaxMs: 50,
      outcomes: { DeliveredToTerminal: 1 },
    });
    workers = [
      // Through the provider router: its throttle, health windows and breaker reports live in the cluster.
      await startSending({
        routing: { table: kenyaTable([celcomDefinition(PROVIDER, simulator, { maxPerSecond: PER_SECOND })]), fallback: createProvider({ kind: "simulator", baseUrl: simulator.url }) },
        concurrency: 8,
        backoffMs: 50,
      }),
      startDlr({ batchWaitMs: 50 }),
      startWebhooks({ delivery: { allowLoopback: true, schedule: [50, 50, 50], timeoutMs: 2_000 } }),
    ];
    await upsertSchedules({ only: ["webhooks-relay", "webhooks-reconcile"], everyMs: { "webhooks-relay": 250, "webhooks-reconcile": 5_000 } });
  }, 60_000);

  afterAll(async () => {
    for (const worker of workers) await worker.close();
    await simulator?.close();
    await callbackServer?.close();
    await receiver?.close();
    await closeApiRateLimiter();
    delete process.env.REDIS_CLUSTER_NODES;
  });

  it("connects through ioredis Cluster to three masters, with the queue prefix as a hash tag", async () => {
    const redis = sharedRedis();
    expect(redis).toBeInstanceOf(Cluster);
    await waitFor(async () => (redis as Cluster).status === "ready", 10_000, "the cluster connection");
    expect((redis as Cluster).nodes("master")).toHaveLength(3);
    expect(env.QUEUE_PREFIX).toMatch(/^\{[^{}]+\}$/);
    expect(spreadKeyPrefix()).not.toMatch(/[{}]/);
    const readiness = await checkReadiness({ timeoutMs: 5_000 });
    expect(readiness.checks.redis.ok).toBe(true);
  });

  it("send → provider (simulator) → DLR → delivered → signed webhooks; charged once", { timeout: 60_000 }, async () => {
    const account = await createTestAccount({ credits: 10_000 });
    const created = await callRoute<{ id: string; secret: string }>(createEndpoint, {
      apiKey: account.apiKey,
      path: "/v1/webhooks",
      body: { url: `${receiver.url}/cluster`, events: ["message.*"] },
    });
    expect(created.status).toBe(201);
    const sent = await callRoute<{ messageId: string; cost: number }>(sendMessageRoute, {
      apiKey: account.apiKey,
      path: "/v1/messages",
      body: { to: "0712345678", from: account.senderId, body: "Cluster code 1234" },
    });
    expect(sent.status).toBe(202);
    const { messageId } = sent.body;
    const envelopes = () =>
      receiver.requests
        .filter((request) => request.path === "/cluster")
        .flatMap((request) => (Array.isArray(request.json) ? request.json : [request.json]) as { eventType: string; message?: { id: string; status: string } }[])
        .filter((envelope) => envelope.message?.id === messageId);
    await waitFor(async () => envelopes().some((envelope) => envelope.eventType === "message.delivered") && envelopes().length >= 3, 30_000, "the delivered webhook");
    expect(envelopes().map((envelope) => envelope.eventType).sort()).toEqual(["message.delivered", "message.sent", "message.submitted"]);
    for (const request of receiver.requests.filter((request) => request.path === "/cluster")) {
      expect(verifyWebhookSignature({ headers: request.headers as Record<string, string>, body: request.body, secret: created.body.secret }).valid).toBe(true);
    }
    const message = await db.message.findUniqueOrThrow({ where: { id: messageId }, select: { status: true, provider: true } });
    expect(message).toEqual({ status: "delivered", provider: PROVIDER });
    const ledger = await db.ledgerEntry.findMany({ where: { messageId }, select: { type: true } });
    expect(ledger.map((entry) => entry.type).sort()).toEqual(["capture", "reserve"]);
    expect((await checkLedger(account.accountId)).problems).toEqual([]);
    // The queues' keys all carry the hash tag: BullMQ's scripts ran on one slot.
    expect(await getQueue("smsNormal").getJobCounts("failed")).toEqual({ failed: 0 });
  });

  it("the routing throttle holds the provider to its rate, and the health windows count the sends", { timeout: 60_000 }, async () => {
    const account = await createTestAccount({ credits: 1_000_000 });
    const before = simulator.stats.accepted;
    const samples: { at: number; accepted: number }[] = [];
    const sampler = setInterval(() => samples.push({ at: Date.now(), accepted: simulator.stats.accepted - before }), 50);
    const started = Date.now();
    const messages = 30;
    const ids = await Promise.all(
      Array.from({ length: messages }, async (_, i) => {
        const response = await callRoute<{ messageId: string }>(sendMessageRoute, { apiKey: account.apiKey, body: { to: `+2547127${String(i).padStart(5, "0")}`, from: account.senderId, body: "throttled" } });
        return response.body.messageId;
      }),
    );
    await waitFor(async () => (await db.message.count({ where: { id: { in: ids }, status: { in: ["sent", "delivered"] } } })) === messages, 30_000, "all sent");
    clearInterval(sampler);
    // Bulk sends get 80 % of 10/s: 30 messages need well over two seconds.
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_000);
    // Over any second or more between two samples, at most the rate for that span (+2: a send is counted when the
    // simulator accepts it, a little after its slot began). A loaded machine stretches the sampler's 50 ms ticks.
    for (const sample of samples) {
      const aSecondLater = samples.find((later) => later.at >= sample.at + 1_000);
      if (aSecondLater) expect(aSecondLater.accepted - sample.accepted).toBeLessThanOrEqual(Math.floor((PER_SECOND * (aSecondLater.at - sample.at)) / 1_000) + 2);
    }
    const health = new HealthWindows(sharedRedis(), env.QUEUE_PREFIX);
    await waitFor(async () => ((await health.read([PROVIDER])).get(PROVIDER)?.attempts ?? 0) >= messages, 10_000, "the health windows");
  });

  it("two throttles on separate cluster connections (two workers) share one provider's rate", { timeout: 30_000 }, async () => {
    const connections = [createRedisConnection(), createRedisConnection()];
    const throttles = connections.map((connection) => new ProviderThrottle(connection, env.QUEUE_PREFIX));
    const acquired: number[] = [];
    const started = Date.now();
    await Promise.all(throttles.flatMap((throttle) => Array.from({ length: 10 }, () => throttle.acquire("cluster-shared", PER_SECOND, 1, "priority").then(() => acquired.push(Date.now())))));
    // One send per 100 ms slot: 20 sends span at least 1.9 s, and no second holds more than 11 (+1: a
    // send is timed when its acquire resolves, a little after its slot began).
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_800);
    for (const at of acquired) expect(acquired.filter((other) => other >= at && other < at + 1_000).length).toBeLessThanOrEqual(PER_SECOND + 2);
    await Promise.all(connections.map((connection) => connection.quit()));
  });

  it("API rate limits count in the cluster: an account's override refuses past its rate with 429", async () => {
    const limited = await createTestAccount();
    const other = await createTestAccount();
    await setApiRateLimit(limited.accountId, 3);
    // The limiter's own connection joins the cluster on its first request (that one may fail open).
    await callRoute(accountRoute, { apiKey: other.apiKey, path: "/api/v1/account" });
    const results = await Promise.all(Array.from({ length: 5 }, () => callRoute(accountRoute, { apiKey: limited.apiKey, path: "/api/v1/account" })));
    expect(results.map((result) => result.status).sort()).toEqual([200, 200, 200, 429, 429]);
    expect((await callRoute(accountRoute, { apiKey: other.apiKey, path: "/api/v1/account" })).status).toBe(200);
    await setApiRateLimit(limited.accountId, null);
  });
});
