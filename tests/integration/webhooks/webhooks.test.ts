import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as dlrCallback } from "@/app/api/callbacks/celcom/dlr/route";
import { POST as sendMessageRoute } from "@/app/api/v1/messages/route";
import { GET as getMessageRoute } from "@/app/api/v1/messages/[id]/route";
import { GET as listEndpoints, POST as createEndpoint } from "@/app/api/v1/webhooks/route";
import { DELETE as deleteEndpoint } from "@/app/api/v1/webhooks/[id]/route";
import { GET as listEndpointDeliveries } from "@/app/api/v1/webhooks/[id]/deliveries/route";
import { POST as rotateSecret } from "@/app/api/v1/webhooks/[id]/rotate-secret/route";
import { POST as sendTest } from "@/app/api/v1/webhooks/[id]/test/route";
import { POST as replayOne } from "@/app/api/v1/webhooks/deliveries/[deliveryId]/replay/route";
import { POST as replayFailed } from "@/app/api/v1/webhooks/deliveries/replay/route";
import { checkLedger } from "@/lib/credits/check-ledger";
import { db, viaPrisma } from "@/lib/db";
import { env } from "@/lib/env";
import { createProvider } from "@/lib/providers";
import { createCelcomSimulator, type CelcomSimulator } from "@/simulators/celcom/create-celcom-simulator";
import { createWebhookEvents } from "@/lib/webhooks/create-webhook-events";
import { deliverWebhooks } from "@/lib/webhooks/deliver-webhooks";
import { nudgeWebhookRelay } from "@/lib/webhooks/dispatch-deliveries";
import { emitAccountEvent } from "@/lib/webhooks/emit-account-event";
import { verifyWebhookSignature } from "@/lib/webhooks/signing";
import { createTestAccount, type TestAccount } from "@/tests/helpers/accounts";
import { callRoute } from "@/tests/helpers/http";
import { createTestMessage, waitFor } from "@/tests/helpers/messages";
import { serveRoute, startWebhookReceiver, type ReceivedRequest, type WebhookReceiver } from "@/tests/helpers/webhook-receiver";
import { startDlr } from "@/workers/dlr";
import type { Closeable } from "@/workers/runtime";
import { startSending } from "@/workers/sending";
import { upsertSchedules } from "@/lib/queue/enqueue";
import { startWebhooks } from "@/workers/webhooks";

type Envelope = { eventId: string; eventType: string; timestamp: string; message?: Record<string, unknown>; data?: Record<string, unknown>; customPayload?: unknown };

const SHORT_SCHEDULE = [50, 50, 50];
let receiver: WebhookReceiver;
let workers: Closeable[] = [];

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  workers = [
    startWebhooks({ delivery: { allowLoopback: true, schedule: SHORT_SCHEDULE, timeoutMs: 2_000 } }),
    startDlr({ batchWaitMs: 50 }),
  ];
  await upsertSchedules({ only: ["webhooks-relay", "webhooks-reconcile"], everyMs: { "webhooks-relay": 250, "webhooks-reconcile": 5_000 } });
});

afterAll(async () => {
  for (const worker of workers) await worker.close();
  await receiver.close();
});

function deliverDlr(providerMessageId: string, description: string) {
  return callRoute(dlrCallback, {
    path: "/api/callbacks/celcom/dlr",
    headers: { "x-callback-token": env.DLR_CALLBACK_TOKEN },
    body: { description, messageid: providerMessageId, timeTaken: "2s", timestamp: "2026-11-23 10:00:00" },
  });
}

async function registerEndpoint(account: TestAccount, path: string, body: Record<string, unknown> = {}) {
  const created = await callRoute<{ id: string; secret: string }>(createEndpoint, {
    apiKey: account.apiKey,
    path: "/v1/webhooks",
    body: { url: `${receiver.url}${path}`, events: ["message.*"], ...body },
  });
  expect(created.status).toBe(201);
  return created.body;
}

function requestsTo(path: string): ReceivedRequest[] {
  return receiver.requests.filter((request) => request.path === path);
}

function envelopes(path: string): Envelope[] {
  return requestsTo(path).flatMap((request) => (Array.isArray(request.json) ? request.json : [request.json]) as Envelope[]);
}

const uniquePath = (name: string) => `/${name}-${randomUUID().slice(0, 8)}`;

describe("customer webhooks", () => {
  it("DLR → delivered → a signed webhook the endpoint secret verifies; the ledger balances", async () => {
    const account = await createTestAccount({ credits: 10_000 });
    const path = uniquePath("signed");
    const endpoint = await registerEndpoint(account, path);
    expect(endpoint.secret).toMatch(/^whsec_/);
    const message = await createTestMessage({ accountId: account.accountId, cost: 80 });

    expect((await deliverDlr(message.providerMessageId!, "DeliveredToTerminal")).status).toBe(200);
    const [request] = await waitFor(async () => requestsTo(path).length > 0 && requestsTo(path), 10_000, "webhook");
    expect(verifyWebhookSignature({ headers: request.headers as Record<string, string>, body: request.body, secret: endpoint.secret })).toEqual({ valid: true });
    expect(verifyWebhookSignature({ headers: request.headers as Record<string, string>, body: `${request.body} `, secret: endpoint.secret }).valid).toBe(false);
    const envelope = request.json as Envelope;
    expect(request.headers["webhook-id"]).toBe(envelope.eventId);
    expect(envelope).toMatchObject({
      eventType: "message.delivered",
      message: { id: message.id, status: "delivered", statusReason: "DeliveredToTerminal", segments: 1, encoding: "gsm7", cost: 80, attempts: 1, from: "SEMATEST" },
    });
    const log = await callRoute<{ data: { status: string; attempts: number }[] }>(listEndpointDeliveries, {
      apiKey: account.apiKey,
      path: `/v1/webhooks/${endpoint.id}/deliveries?status=succeeded`,
      params: { id: endpoint.id },
    });
    await waitFor(async () => (await db.webhookDelivery.count({ where: { endpointId: endpoint.id, status: "succeeded" } })) === 1);
    expect(log.status).toBe(200);
    expect((await checkLedger(account.accountId)).problems).toEqual([]);
  });

  it("honours per-message status selection and echoes customPayload, signed with the account callback secret", async () => {
    const account = await createTestAccount({ credits: 10_000 });
    const path = uniquePath("callback");
    const message = await createTestMessage({
      accountId: account.accountId,
      status: "queued",
      callbackUrl: `${receiver.url}${path}`,
      callbackEvents: ["message.delivered"],
      customPayload: { orderId: "A-17" },
    });
    await deliverDlr(message.providerMessageId!, "SentToNetwork");
    await waitFor(async () => (await db.messageEvent.count({ where: { messageId: message.id, status: "sent", dispatchedAt: { not: null } } })) === 1);
    await deliverDlr(message.providerMessageId!, "DeliveredToTerminal");
    await waitFor(async () => requestsTo(path).length > 0, 10_000, "callback");
    await nudgeWebhookRelay();
    const all = await waitFor(async () => {
      const delivered = await db.webhookDelivery.count({ where: { event: { messageId: message.id }, status: "succeeded" } });
      return delivered === 1 && envelopes(path);
    });
    expect(all.map((envelope) => envelope.eventType)).toEqual(["message.delivered"]);
    expect(all[0].message).toMatchObject({ id: message.id, customPayload: { orderId: "A-17" } });
    const { callbackSecret } = await db.account.findUniqueOrThrow({ where: { id: account.accountId }, select: { callbackSecret: true } });
    const [request] = requestsTo(path);
    expect(verifyWebhookSignature({ headers: request.headers as Record<string, string>, body: request.body, secret: callbackSecret }).valid).toBe(true);
    // message.sent was relayed but, not being selected, produced no delivery.
    expect(await db.webhookEvent.count({ where: { messageId: message.id, type: "message.sent" } })).toBe(1);
    expect(await db.webhookDelivery.count({ where: { event: { messageId: message.id } } })).toBe(1);
    expect((await checkLedger(account.accountId)).problems).toEqual([]);
  });

  it("retries with backoff: 500, 500, then 200 succeeds on the third attempt, every attempt logged", async () => {
    const account = await createTestAccount({ credits: 10_000 });
    const path = uniquePath("flaky");
    const previous = receiver.respond;
    receiver.respond = (request, index) => {
      if (request.path !== path) return previous(request, index);
      return { status: requestsTo(path).length <= 2 ? 500 : 200 };
    };
    const endpoint = await registerEndpoint(account, path, { events: ["message.delivered"] });
    const message = await createTestMessage({ accountId: account.accountId });
    await deliverDlr(message.providerMessageId!, "DeliveredToTerminal");
    const delivery = await waitFor(
      async () => db.webhookDelivery.findFirst({ where: { endpointId: endpoint.id, status: "succeeded" }, include: { attemptsLog: { orderBy: { id: "asc" } } } }),
      10_000,
      "third attempt",
    );
    expect(delivery.attempts).toBe(3);
    expect(delivery.attemptsLog.map((attempt) => [attempt.attempt, attempt.statusCode])).toEqual([
      [1, 500],
      [2, 500],
      [3, 200],
    ]);
    expect(delivery.attemptsLog.every((attempt) => attempt.latencyMs !== null)).toBe(true);
    expect(new Set(requestsTo(path).map((request) => request.headers["webhook-id"])).size).toBe(1);
    expect((await checkLedger(account.accountId)).problems).toEqual([]);
  });

  it("marks a delivery failed after the last attempt, and replays it (one, or all failed since a time)", async () => {
    const account = await createTestAccount({ credits: 10_000 });
    const path = uniquePath("down");
    let up = false;
    const previous = receiver.respond;
    receiver.respond = (request, index) => (request.path === path ? { status: up ? 204 : 503 } : previous(request, index));
    const endpoint = await registerEndpoint(account, path);
    const since = new Date(Date.now() - 1_000).toISOString();
    const first = await createTestMessage({ accountId: account.accountId });
    const second = await createTestMessage({ accountId: account.accountId });
    await deliverDlr(first.providerMessageId!, "DeliveredToTerminal");
    await deliverDlr(second.providerMessageId!, "DeliveryImpossible");
    const failed = await waitFor(async () => {
      const rows = await db.webhookDelivery.findMany({ where: { endpointId: endpoint.id, status: "failed" }, select: { id: true, attempts: true } });
      return rows.length === 2 && rows;
    }, 10_000, "two failed deliveries");
    expect(failed.every((row) => row.attempts === SHORT_SCHEDULE.length + 1)).toBe(true);

    up = true;
    const one = await callRoute(replayOne, { apiKey: account.apiKey, method: "POST", path: `/v1/webhooks/deliveries/${failed[0].id}/replay`, params: { deliveryId: failed[0].id } });
    expect(one.status).toBe(202);
    await waitFor(async () => (await db.webhookDelivery.findUniqueOrThrow({ where: { id: failed[0].id } })).status === "succeeded");
    const rest = await callRoute<{ replayed: number }>(replayFailed, { apiKey: account.apiKey, path: "/v1/webhooks/deliveries/replay", body: { since, endpointId: endpoint.id } });
    expect(rest.body.replayed).toBe(1);
    await waitFor(async () => (await db.webhookDelivery.count({ where: { endpointId: endpoint.id, status: "succeeded" } })) === 2);
    const otherAccount = await createTestAccount();
    const foreign = await callRoute(replayOne, { apiKey: otherAccount.apiKey, method: "POST", path: "/", params: { deliveryId: failed[0].id } });
    expect(foreign.status).toBe(404);
  });

  it("disables an endpoint that answers 410 Gone", async () => {
    const account = await createTestAccount({ credits: 10_000 });
    const path = uniquePath("gone");
    const previous = receiver.respond;
    receiver.respond = (request, index) => (request.path === path ? { status: 410 } : previous(request, index));
    const endpoint = await registerEndpoint(account, path);
    const message = await createTestMessage({ accountId: account.accountId });
    await deliverDlr(message.providerMessageId!, "DeliveredToTerminal");
    const disabled = await waitFor(async () => {
      const row = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
      return row.status === "disabled" && row;
    });
    expect(disabled.disabledReason).toMatch(/410/);
    expect(requestsTo(path)).toHaveLength(1);
    expect(await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } })).toMatchObject({ status: "failed", attempts: 1, lastStatusCode: 410 });
  });

  it("batch endpoints receive JSON arrays: many events in few requests", async () => {
    const account = await createTestAccount({ credits: 10_000 });
    const path = uniquePath("batch");
    await registerEndpoint(account, path, { batch: true, events: ["message.delivered"] });
    const messages = await Promise.all(Array.from({ length: 20 }, () => createTestMessage({ accountId: account.accountId })));
    await Promise.all(messages.map((message) => deliverDlr(message.providerMessageId!, "DeliveredToTerminal")));
    const received = await waitFor(async () => envelopes(path).length === 20 && envelopes(path), 10_000, "20 batched events");
    expect(requestsTo(path).every((request) => Array.isArray(request.json))).toBe(true);
    expect(requestsTo(path).length).toBeLessThan(20);
    expect(new Set(received.map((envelope) => envelope.message?.id))).toEqual(new Set(messages.map((message) => message.id)));
  });

  it("rotates an endpoint secret with an overlap in which both secrets verify", async () => {
    const account = await createTestAccount({ credits: 10_000 });
    const path = uniquePath("rotate");
    const endpoint = await registerEndpoint(account, path);
    const rotated = await callRoute<{ secret: string }>(rotateSecret, {
      apiKey: account.apiKey,
      path: `/v1/webhooks/${endpoint.id}/rotate-secret`,
      body: { overlapHours: 1 },
      params: { id: endpoint.id },
    });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(endpoint.secret);
    const test = await callRoute(sendTest, { apiKey: account.apiKey, method: "POST", path: "/", params: { id: endpoint.id } });
    expect(test.status).toBe(202);
    const [request] = await waitFor(async () => requestsTo(path).length > 0 && requestsTo(path));
    expect((request.json as Envelope).eventType).toBe("webhook.test");
    for (const secret of [endpoint.secret, rotated.body.secret]) {
      expect(verifyWebhookSignature({ headers: request.headers as Record<string, string>, body: request.body, secret }).valid).toBe(true);
    }
  });

  it("emits account events (campaign.*) to subscribed endpoints and the campaign callback", async () => {
    const account = await createTestAccount({ credits: 10_000 });
    const path = uniquePath("campaign");
    const callbackPath = uniquePath("campaign-cb");
    await registerEndpoint(account, path, { events: ["campaign.*"] });
    const unsubscribed = uniquePath("messages-only");
    await registerEndpoint(account, unsubscribed, { events: ["message.*"] });
    const campaignId = randomUUID();
    await db.$transaction((tx) =>
      emitAccountEvent(tx, {
        accountId: account.accountId,
        type: "campaign.completed",
        payload: { id: campaignId, name: "June promo" },
        campaignId,
        callbackUrl: `${receiver.url}${callbackPath}`,
        customPayload: "ref-9",
      }),
    );
    await nudgeWebhookRelay();
    const [event] = await waitFor(async () => envelopes(path).length > 0 && envelopes(path));
    expect(event).toMatchObject({ eventType: "campaign.completed", data: { id: campaignId }, campaignId, customPayload: "ref-9" });
    await waitFor(async () => envelopes(callbackPath).length > 0);
    expect(requestsTo(unsubscribed)).toHaveLength(0);
  });

  it("manages endpoints by API: list without secrets, 422 for private destinations, delete", async () => {
    const account = await createTestAccount();
    for (const url of ["http://10.0.0.1/hook", "http://169.254.169.254/latest/meta-data", "ftp://example.com/x"]) {
      const refused = await callRoute(createEndpoint, { apiKey: account.apiKey, path: "/v1/webhooks", body: { url, events: ["*"] } });
      expect(refused.status).toBe(422);
      if (!url.startsWith("ftp")) expect(refused.body).toMatchObject({ error: { code: "destination_not_allowed" } });
    }
    const bad = await callRoute(createEndpoint, { apiKey: account.apiKey, path: "/v1/webhooks", body: { url: `${receiver.url}/x`, events: ["sms.status"] } });
    expect(bad.status).toBe(422);
    const endpoint = await registerEndpoint(account, "/managed");
    const list = await callRoute<{ data: Record<string, unknown>[] }>(listEndpoints, { apiKey: account.apiKey, path: "/v1/webhooks" });
    expect(list.body.data).toHaveLength(1);
    expect(list.body.data[0]).not.toHaveProperty("secret");
    const other = await createTestAccount();
    expect((await callRoute(deleteEndpoint, { apiKey: other.apiKey, method: "DELETE", path: "/", params: { id: endpoint.id } })).status).toBe(404);
    expect((await callRoute(deleteEndpoint, { apiKey: account.apiKey, method: "DELETE", path: "/", params: { id: endpoint.id } })).status).toBe(204);
  });

  it("refuses SSRF destinations at connect time when loopback is not allowed", async () => {
    const account = await createTestAccount();
    const targets = ["http://169.254.169.254/latest/meta-data", "http://10.0.0.1/hook", `${receiver.url}${uniquePath("loopback")}`];
    const endpoints = await Promise.all(
      targets.map((url) => db.webhookEndpoint.create({ data: { accountId: account.accountId, url, events: ["*"], secret: "whsec_" + Buffer.alloc(32, 7).toString("base64") } })),
    );
    const eventId = randomUUID();
    await db.$transaction(async (tx) => {
      await createWebhookEvents(viaPrisma(tx), [{ id: eventId, accountId: account.accountId, type: "campaign.completed", payload: { eventId, eventType: "campaign.completed" } }]);
      // Due now, so the running relay leaves them to this direct call.
      await tx.webhookDelivery.updateMany({ where: { eventId }, data: { nextAttemptAt: new Date() } });
    });
    const ids = (await db.webhookDelivery.findMany({ where: { eventId }, select: { id: true } })).map((row) => row.id);
    expect(ids).toHaveLength(3);
    const before = receiver.requests.length;
    const result = await deliverWebhooks(ids, { allowLoopback: false, allowPrivate: false, schedule: [], timeoutMs: 1_000 });
    expect(result.failed).toBe(3);
    const attempts = await db.webhookAttempt.findMany({ where: { deliveryId: { in: ids } } });
    expect(attempts).toHaveLength(3);
    expect(attempts.every((attempt) => attempt.statusCode === null && /Refused to connect/.test(attempt.error ?? ""))).toBe(true);
    expect(receiver.requests.length).toBe(before);
    expect(endpoints).toHaveLength(3);
  });
});

describe("end to end through the send pipeline", () => {
  let simulator: CelcomSimulator;
  let callbackServer: { url: string; close(): Promise<void> };
  let sending: Closeable;

  beforeAll(async () => {
    callbackServer = await serveRoute(dlrCallback);
    simulator = await createCelcomSimulator({
      dlrUrl: `${callbackServer.url}/api/callbacks/celcom/dlr`,
      dlrToken: env.DLR_CALLBACK_TOKEN,
      dlrLatencyMinMs: 10,
      dlrLatencyMaxMs: 50,
      outcomes: { DeliveredToTerminal: 1 },
    });
    sending = await startSending({ provider: createProvider({ kind: "simulator", baseUrl: simulator.url }), concurrency: 4, backoffMs: 50 });
  });

  afterAll(async () => {
    await sending.close();
    await simulator.close();
    await callbackServer.close();
  });

  it("send → provider → DLR → delivered → signed webhooks (submitted, sent, delivered); charged once", async () => {
    const account = await createTestAccount({ credits: 10_000 });
    const path = uniquePath("e2e");
    const endpoint = await registerEndpoint(account, path);
    const sent = await callRoute<{ messageId: string; cost: number }>(sendMessageRoute, {
      apiKey: account.apiKey,
      path: "/v1/messages",
      body: { to: "0712345678", from: account.senderId, body: "Your code is 1234", customPayload: { ref: "e2e" } },
    });
    expect(sent.status).toBe(202);
    const { messageId, cost } = sent.body;
    const received = await waitFor(async () => {
      const types = envelopes(path).filter((envelope) => envelope.message?.id === messageId).map((envelope) => envelope.eventType);
      // Order is not guaranteed: the sent event's request may land after the delivered one's.
      return types.includes("message.delivered") && types.length >= 3 && types;
    }, 20_000, "delivered webhook");
    expect([...received].sort()).toEqual(["message.delivered", "message.sent", "message.submitted"]);
    for (const request of requestsTo(path)) {
      expect(verifyWebhookSignature({ headers: request.headers as Record<string, string>, body: request.body, secret: endpoint.secret }).valid).toBe(true);
    }
    const delivered = envelopes(path).find((envelope) => envelope.eventType === "message.delivered");
    expect(delivered?.message).toMatchObject({ status: "delivered", cost, customPayload: { ref: "e2e" } });
    await waitFor(async () => (await db.webhookDelivery.count({ where: { event: { messageId }, status: "succeeded" } })) === 3);
    const detail = await callRoute<{ status: string; deliveryReports: { rawStatus: string }[]; webhookDeliveries: { status: string }[] }>(getMessageRoute, {
      apiKey: account.apiKey,
      path: `/v1/messages/${messageId}`,
      params: { id: messageId },
    });
    expect(detail.body.status).toBe("delivered");
    expect(detail.body.deliveryReports.map((report) => report.rawStatus)).toContain("DeliveredToTerminal");
    expect(detail.body.webhookDeliveries).toHaveLength(3);
    const ledger = await db.ledgerEntry.findMany({ where: { messageId }, select: { type: true } });
    expect(ledger.map((entry) => entry.type).sort()).toEqual(["capture", "reserve"]);
    expect((await checkLedger(account.accountId)).problems).toEqual([]);
  });
});
