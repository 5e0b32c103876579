import { randomUUID } from "node:crypto";
import http from "node:http";
import { type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getDeliveryRoute } from "@/app/api/v1/webhooks/deliveries/[deliveryId]/route";
import { db, viaPrisma } from "@/lib/db";
import { env } from "@/lib/env";
import { createWebhookEvents } from "@/lib/webhooks/create-webhook-events";
import { deliverWebhooks, deliveryOptionsFromEnv } from "@/lib/webhooks/deliver-webhooks";
import { createTestAccount, type TestAccount } from "@/tests/helpers/accounts";
import { callRoute } from "@/tests/helpers/http";

// A receiver that answers like an internal admin API would: 500 with a long body full of control
// characters, terminal escapes and data that must not be read back through the delivery log.
const DIRTY_BODY = `{"admin":true,"token":"t0p-s3cret"}\r\n\u0000\u0007\u001b[31mALERT\u001b[0m\u202e${"data ".repeat(2_000)}`;
let requests = 0;
const server = http.createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    requests += 1;
    res.writeHead(500, { "content-type": "text/plain" }).end(DIRTY_BODY);
  });
});
let receiverUrl = "";
let receiverPort = 0;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiverPort = (server.address() as AddressInfo).port;
  receiverUrl = `http://127.0.0.1:${receiverPort}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** One callback delivery to `url`, stored as the relay would (no submit-time check in between). */
async function deliveryTo(account: TestAccount, url: string): Promise<string> {
  const eventId = randomUUID();
  await createWebhookEvents(viaPrisma(db), [
    { id: eventId, accountId: account.accountId, type: "campaign.completed", payload: { eventId, eventType: "campaign.completed" }, callbackUrl: url },
  ]);
  const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { eventId }, select: { id: true } });
  return delivery.id;
}

async function withEnv<T>(changes: Partial<typeof env>, action: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(changes).map((key) => [key, env[key as keyof typeof env]]));
  Object.assign(env, changes);
  try {
    return await action();
  } finally {
    Object.assign(env, saved);
  }
}

describe("webhook delivery", () => {
  it("keeps only the status and a short sanitised excerpt of an error answer in lastError, the attempt log and the API", async () => {
    const account = await createTestAccount();
    const id = await deliveryTo(account, `${receiverUrl}/hook`);
    const result = await deliverWebhooks([id], { allowLoopback: true, schedule: [], timeoutMs: 2_000 });
    expect(result.failed).toBe(1);

    const delivery = await db.webhookDelivery.findUniqueOrThrow({ where: { id }, include: { attemptsLog: true } });
    const lastError = delivery.lastError ?? "";
    expect(lastError.startsWith('HTTP 500: {"admin":true,"token":"t0p-s3cret"} ALERT data data')).toBe(true);
    expect(lastError.length).toBeLessThanOrEqual("HTTP 500: ".length + 200);
    expect(lastError).not.toMatch(/[\p{Cc}\p{Cf}]/u);
    expect(delivery.attemptsLog.map((attempt) => attempt.error)).toEqual([lastError]);

    const api = await callRoute<{ lastError: string; attemptsLog: { error: string }[] }>(getDeliveryRoute, { apiKey: account.apiKey, params: { deliveryId: id } });
    expect(api.status).toBe(200);
    expect(api.body.lastError).toBe(lastError);
    expect(api.body.attemptsLog[0].error).toBe(lastError);
  });

  it("never reaches a platform port on loopback, even with loopback allowed: the protected list comes from the environment", async () => {
    const account = await createTestAccount();
    const id = await deliveryTo(account, `${receiverUrl}/admin`);
    const before = requests;
    // As if this receiver were the simulator's admin API: its port joins the protected list.
    const result = await withEnv({ WEBHOOK_PROTECTED_PORTS: String(receiverPort) }, () =>
      deliverWebhooks([id], { allowLoopback: true, schedule: [], timeoutMs: 2_000 }),
    );
    expect(result.failed).toBe(1);
    expect(requests).toBe(before);
    const delivery = await db.webhookDelivery.findUniqueOrThrow({ where: { id } });
    expect(delivery).toMatchObject({ status: "failed", lastStatusCode: null });
    expect(delivery.lastError).toMatch(`port ${receiverPort} belongs to Sema Link itself`);
  });

  it("ignores WEBHOOK_ALLOW_LOOPBACK in production mode", async () => {
    const account = await createTestAccount();
    const id = await deliveryTo(account, `${receiverUrl}/production`);
    const before = requests;
    const options = await withEnv({ SEMA_MODE: "production", WEBHOOK_ALLOW_LOOPBACK: true }, async () => deliveryOptionsFromEnv());
    expect(options.allowLoopback).toBe(false);
    const result = await deliverWebhooks([id], { ...options, schedule: [] });
    expect(result.failed).toBe(1);
    expect(requests).toBe(before);
    expect((await db.webhookDelivery.findUniqueOrThrow({ where: { id } })).lastError).toMatch(/Refused to connect to 127\.0\.0\.1: loopback address/);
  });
});
