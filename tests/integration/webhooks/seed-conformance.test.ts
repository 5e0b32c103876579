import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as sendBatchRoute } from "@/app/api/v1/messages/batch/route";
import { POST as sendMessageRoute } from "@/app/api/v1/messages/route";
import { POST as createEndpoint } from "@/app/api/v1/webhooks/route";
import { checkLedger } from "@/lib/credits/check-ledger";
import { db, viaPrisma } from "@/lib/db";
import { rejectAndRefund } from "@/lib/messages/transitions/fail-and-refund";
import { createWebhookEvents } from "@/lib/webhooks/create-webhook-events";
import { deliverWebhooks } from "@/lib/webhooks/deliver-webhooks";
import { relayMessageEvents } from "@/lib/webhooks/relay-message-events";
import { DEFAULT_RETRY_SCHEDULE_MS } from "@/lib/webhooks/retry-schedule";
import { createTestAccount, type TestAccount } from "@/tests/helpers/accounts";
import { callRoute } from "@/tests/helpers/http";
import { waitFor } from "@/tests/helpers/messages";
import { startWebhookReceiver, type WebhookReceiver } from "@/tests/helpers/webhook-receiver";

type Envelope = { eventId: string; eventType: string; accountId?: string; endpointId?: string; message: Record<string, unknown> };

let receiver: WebhookReceiver;
const delivery = { allowLoopback: true, allowPrivate: false, schedule: [] as number[], timeoutMs: 2_000 };

beforeAll(async () => {
  receiver = await startWebhookReceiver();
});

afterAll(async () => {
  await receiver.close();
});

const uniquePath = (name: string) => `/${name}-${randomUUID().slice(0, 8)}`;

function envelopesAt(path: string): Envelope[] {
  return receiver.requests.filter((request) => request.path === path).flatMap((request) => (Array.isArray(request.json) ? request.json : [request.json]) as Envelope[]);
}

/** Relays the messages' transitions into webhook events and delivers them from here (loopback allowed), in one job. */
async function relayAndDeliver(...messageIds: string[]): Promise<void> {
  await waitFor(async () => {
    await relayMessageEvents();
    return (await db.messageEvent.count({ where: { messageId: { in: messageIds }, dispatchedAt: null } })) === 0;
  });
  const pending = await db.webhookDelivery.findMany({ where: { event: { messageId: { in: messageIds } }, status: "pending" }, select: { id: true } });
  await db.webhookDelivery.updateMany({ where: { id: { in: pending.map((row) => row.id) } }, data: { nextAttemptAt: new Date() } });
  await deliverWebhooks(pending.map((row) => row.id), delivery);
}

function send(account: TestAccount, body: Record<string, unknown>) {
  return callRoute<{ messageId: string; error?: { code: string } }>(sendMessageRoute, {
    method: "POST",
    path: "/api/v1/messages",
    apiKey: account.apiKey,
    body: { from: account.senderId, to: "0712345678", body: "Seed conformance", ...body },
  });
}

describe("webhook seed conformance", () => {
  it("accepts a string customPayload and the pending / not_delivered selections, echoes the payload exactly, and emits message.rejected when refused after acceptance", async () => {
    const account = await createTestAccount({ credits: 1_000 });
    const path = uniquePath("seed-002");
    const customPayload = "{\"abc\": \"123\"}";
    const sent = await send(account, { callbackUrl: `${receiver.url}${path}`, callbackEvents: ["pending", "not_delivered"], customPayload });
    expect(sent.status).toBe(202);
    const messageId = sent.body.messageId;
    expect(await db.message.findUniqueOrThrow({ where: { id: messageId }, select: { callbackEvents: true, customPayload: true } })).toEqual({
      callbackEvents: ["pending", "not_delivered"],
      customPayload,
    });

    // Refused after acceptance (as when the provider refuses the number for good): rejected, reservation released.
    expect(await rejectAndRefund([{ messageId, reason: "celcom_1003_invalid_mobile: Invalid mobile number", data: { attempt: 1 } }], "worker")).toBe(1);
    expect(await rejectAndRefund([{ messageId, reason: "again", data: {} }], "worker")).toBe(0);
    const books = await checkLedger(account.accountId);
    expect(books.problems).toEqual([]);
    expect(books.account).toMatchObject({ balance: 1_000n, reserved: 0n });

    await relayAndDeliver(messageId);
    const received = await waitFor(async () => envelopesAt(path).length >= 2 && envelopesAt(path), 10_000, "two callbacks");
    expect(received.map((envelope) => envelope.eventType).sort()).toEqual(["message.rejected", "message.submitted"]);
    const rejected = received.find((envelope) => envelope.eventType === "message.rejected")!;
    expect(rejected.accountId).toBe(account.accountId);
    expect(rejected.endpointId).toBeUndefined();
    expect(rejected.message).toMatchObject({
      id: messageId,
      status: "rejected",
      statusReason: "celcom_1003_invalid_mobile: Invalid mobile number",
      body: "Seed conformance",
      segments: 1,
      units: 1,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    // Echoed exactly as given: still the string, byte for byte.
    const raw = receiver.requests.filter((request) => request.path === path).map((request) => request.body);
    expect(raw.every((body) => body.includes(JSON.stringify(customPayload)))).toBe(true);
    expect(received.every((envelope) => envelope.message.customPayload === customPayload)).toBe(true);
  });

  it("leaves out what a selection does not name: pending alone gets no message.rejected", async () => {
    const account = await createTestAccount({ credits: 1_000 });
    const path = uniquePath("seed-002-pending");
    const sent = await send(account, { callbackUrl: `${receiver.url}${path}`, callbackEvents: ["pending"] });
    await rejectAndRefund([{ messageId: sent.body.messageId, reason: "refused", data: {} }], "worker");
    await relayAndDeliver(sent.body.messageId);
    await waitFor(async () => envelopesAt(path).length >= 1, 10_000, "submitted callback");
    expect(await db.webhookDelivery.count({ where: { event: { messageId: sent.body.messageId } } })).toBe(1);
    expect(envelopesAt(path).map((envelope) => envelope.eventType)).toEqual(["message.submitted"]);
  });

  it("names the endpoint in an endpoint's envelope (seed 004)", async () => {
    const account = await createTestAccount({ credits: 1_000 });
    const path = uniquePath("seed-004");
    const endpoint = await callRoute<{ id: string }>(createEndpoint, { apiKey: account.apiKey, path: "/v1/webhooks", body: { url: `${receiver.url}${path}`, events: ["message.*"] } });
    expect(endpoint.status).toBe(201);
    const sent = await send(account, {});
    await relayAndDeliver(sent.body.messageId);
    const [envelope] = await waitFor(async () => envelopesAt(path).length >= 1 && envelopesAt(path), 10_000, "endpoint delivery");
    expect(envelope).toMatchObject({ eventType: "message.submitted", endpointId: endpoint.body.id, accountId: account.accountId, message: { id: sent.body.messageId, units: 1 } });
  });

  it("discards a delivery after the tenth retry: eleven attempts with the default schedule (seed 004)", async () => {
    const account = await createTestAccount();
    const path = uniquePath("seed-004-down");
    const previous = receiver.respond;
    receiver.respond = (request, index) => (request.path === path ? { status: 500 } : previous(request, index));
    const endpoint = await db.webhookEndpoint.create({
      data: { accountId: account.accountId, url: `${receiver.url}${path}`, events: ["*"], secret: "whsec_" + Buffer.alloc(32, 7).toString("base64") },
    });
    const eventId = randomUUID();
    await db.$transaction(async (tx) => {
      await createWebhookEvents(viaPrisma(tx), [{ id: eventId, accountId: account.accountId, type: "campaign.completed", payload: { eventId, eventType: "campaign.completed" } }]);
      // Nine attempts already failed; the relay's own job is far in the future so only this test delivers it.
      await tx.webhookDelivery.updateMany({ where: { eventId }, data: { attempts: 9, nextAttemptAt: new Date() } });
    });
    const { id } = await db.webhookDelivery.findFirstOrThrow({ where: { eventId, endpointId: endpoint.id }, select: { id: true } });
    const options = { ...delivery, schedule: DEFAULT_RETRY_SCHEDULE_MS };

    expect(await deliverWebhooks([id], options)).toMatchObject({ retrying: 1, failed: 0 });
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id }, select: { status: true, attempts: true } })).toEqual({ status: "pending", attempts: 10 });
    await db.webhookDelivery.update({ where: { id }, data: { nextAttemptAt: new Date() } });
    expect(await deliverWebhooks([id], options)).toMatchObject({ retrying: 0, failed: 1 });
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id }, select: { status: true, attempts: true } })).toEqual({ status: "failed", attempts: 11 });
    expect(envelopesAt(path)).toHaveLength(2);
  });

  it("batches per-message callbacks like endpoints when asked (seed 002: arrays of events)", async () => {
    const account = await createTestAccount({ credits: 1_000 });
    const path = uniquePath("seed-002-batched");
    const sent = await callRoute<{ results: { messageId: string }[] }>(sendBatchRoute, {
      method: "POST",
      path: "/api/v1/messages/batch",
      apiKey: account.apiKey,
      body: {
        from: account.senderId,
        body: "Batched callbacks",
        callbackUrl: `${receiver.url}${path}`,
        callbackEvents: ["pending"],
        callbackBatch: true,
        messages: [{ to: "0712000001" }, { to: "0712000002" }, { to: "0712000003" }],
      },
    });
    expect(sent.status).toBe(202);
    const ids = sent.body.results.map((result) => result.messageId);
    await relayAndDeliver(...ids);
    const requests = await waitFor(async () => {
      const received = receiver.requests.filter((request) => request.path === path);
      return received.length >= 1 && received;
    }, 10_000, "batched callback");
    expect(requests).toHaveLength(1);
    expect(String(requests[0].headers["webhook-id"])).toMatch(/^batch_/);
    const envelopes = requests[0].json as Envelope[];
    expect(Array.isArray(envelopes)).toBe(true);
    expect(envelopes.map((envelope) => envelope.message.id).sort()).toEqual([...ids].sort());
    expect(await db.webhookDelivery.count({ where: { event: { messageId: { in: ids } }, status: "succeeded", batch: true } })).toBe(3);
  });
});
