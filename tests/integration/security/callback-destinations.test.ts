import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as campaignsRoute from "@/app/api/v1/campaigns/route";
import { POST as sendRoute } from "@/app/api/v1/messages/route";
import { POST as createEndpoint } from "@/app/api/v1/webhooks/route";
import { checkLedger } from "@/lib/credits/check-ledger";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { MAX_WEBHOOK_ENDPOINTS_PER_ACCOUNT } from "@/lib/webhooks/create-webhook-endpoint";
import { createTestAccount, type TestAccount } from "@/tests/helpers/accounts";
import { callRoute } from "@/tests/helpers/http";
import { startWebhookReceiver, type WebhookReceiver } from "@/tests/helpers/webhook-receiver";
import { readyListOf } from "@/tests/integration/campaigns/helpers";
import { startContacts } from "@/workers/contacts";
import type { Closeable } from "@/workers/runtime";

interface ApiError {
  error: { code: string; message: string; details: { field: string; message: string; code?: string }[] };
}

// Refused in every mode: metadata, private ranges and names, and the platform's own loopback ports
// (this run's PORT, SIMULATOR_PORT and the SMPP simulator admin port), which demo and test mode keep closed.
const ALWAYS_REFUSED: [url: string, reason: string][] = [
  ["http://169.254.169.254/latest/meta-data/iam/security-credentials/", "blocked_address"],
  ["http://10.0.0.1/hook", "blocked_address"],
  ["http://[fd00:ec2::254]/", "blocked_address"],
  ["http://metadata.google.internal/computeMetadata/v1/", "blocked_address"],
  ["http://redis:6379/", "blocked_address"],
  [`http://127.0.0.1:${env.PORT}/api/callbacks/celcom/dlr`, "protected_port"],
  [`http://[::1]:${env.SIMULATOR_PORT}/admin/messages`, "protected_port"],
  ["http://localhost:4012/", "protected_port"],
];
// Loopback receivers: accepted in test mode (the suite's own receivers), refused in production.
const LOOPBACK = ["http://[::1]/hook", "http://localhost:8080/x", "http://127.0.0.1:9/x"];

let receiver: WebhookReceiver;
let contacts: Closeable;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  contacts = startContacts();
});

afterAll(async () => {
  await contacts.close();
  await receiver.close();
});

/** Runs `action` as a production process would see the environment (SEMA_MODE unset). */
async function inProductionMode<T>(action: () => Promise<T>): Promise<T> {
  const mode = env.SEMA_MODE;
  env.SEMA_MODE = "production";
  try {
    return await action();
  } finally {
    env.SEMA_MODE = mode;
  }
}

function send(account: TestAccount, callbackUrl: string) {
  return callRoute<ApiError & { messageId?: string }>(sendRoute, {
    path: "/v1/messages",
    apiKey: account.apiKey,
    body: { to: "0712345678", from: account.senderId, body: "Your code is 1234", callbackUrl, callbackEvents: ["delivered"] },
  });
}

function postCampaign(account: TestAccount, contactListId: string, callbackUrl: string) {
  return callRoute<ApiError & { campaignId?: string }>(campaignsRoute.POST, {
    path: "/v1/campaigns",
    apiKey: account.apiKey,
    body: { name: "Promo", from: account.senderId, body: "Sale today", contactListId, callbackUrl },
  });
}

function registerEndpoint(account: TestAccount, url: string) {
  return callRoute<ApiError & { id?: string }>(createEndpoint, { path: "/v1/webhooks", apiKey: account.apiKey, body: { url, events: ["message.*"] } });
}

async function expectNothingWritten(account: TestAccount) {
  expect(await db.message.count({ where: { accountId: account.accountId } })).toBe(0);
  expect(await db.campaign.count({ where: { accountId: account.accountId } })).toBe(0);
  const balances = await db.account.findUniqueOrThrow({ where: { id: account.accountId }, select: { balance: true, reserved: true } });
  expect(balances).toEqual({ balance: 100_000n, reserved: 0n });
  expect((await checkLedger(account.accountId)).problems).toEqual([]);
}

describe("per-message callbackUrl is judged at submit by the delivery policy", () => {
  it("refuses metadata, private and internal destinations and the platform's ports with 422 and the reason; nothing is written", async () => {
    const account = await createTestAccount();
    for (const [url, reason] of ALWAYS_REFUSED) {
      const response = await send(account, url);
      expect(response.status, url).toBe(422);
      expect(response.body.error, url).toMatchObject({ code: "destination_not_allowed", details: [{ field: "callbackUrl", code: reason }] });
    }
    const metadata = await send(account, "http://169.254.169.254/");
    expect(metadata.body.error.message).toBe("169.254.169.254 is a link-local address (where cloud metadata services live), which webhooks may not reach");
    await expectNothingWritten(account);
  });

  it("accepts a loopback receiver in test mode and refuses loopback in production mode", async () => {
    const account = await createTestAccount();
    const accepted = await send(account, `${receiver.url}/callback`);
    expect(accepted.status).toBe(202);
    await inProductionMode(async () => {
      for (const url of [...LOOPBACK, `${receiver.url}/callback`]) {
        const refused = await send(account, url);
        expect(refused.status, url).toBe(422);
        expect(refused.body.error, url).toMatchObject({ code: "destination_not_allowed", details: [{ field: "callbackUrl", code: "blocked_address" }] });
      }
    });
    expect(await db.message.count({ where: { accountId: account.accountId } })).toBe(1);
  });
});

describe("campaign callbackUrl is judged at submit", () => {
  it("refuses blocked destinations with 422 before reserving anything, and accepts a public one", async () => {
    const account = await createTestAccount();
    const list = await readyListOf(account.accountId, ["0712000001", "0712000002"]);
    for (const [url, reason] of ALWAYS_REFUSED) {
      const response = await postCampaign(account, list.id, url);
      expect(response.status, url).toBe(422);
      expect(response.body.error, url).toMatchObject({ code: "destination_not_allowed", details: [{ field: "callbackUrl", code: reason }] });
    }
    await inProductionMode(async () => {
      for (const url of LOOPBACK) expect((await postCampaign(account, list.id, url)).status, url).toBe(422);
    });
    await expectNothingWritten(account);
    const accepted = await postCampaign(account, list.id, "https://hooks.example.com/campaign");
    expect(accepted.status).toBe(202);
  });
});

describe("webhook endpoints", () => {
  it("refuse the same destinations at registration, loopback only outside production", async () => {
    const account = await createTestAccount();
    for (const [url, reason] of ALWAYS_REFUSED) {
      const response = await registerEndpoint(account, url);
      expect(response.status, url).toBe(422);
      expect(response.body.error, url).toMatchObject({ code: "destination_not_allowed", details: [{ field: "url", code: reason }] });
    }
    await inProductionMode(async () => {
      expect((await registerEndpoint(account, `${receiver.url}/hooks`)).status).toBe(422);
    });
    expect((await registerEndpoint(account, `${receiver.url}/hooks`)).status).toBe(201);
    expect(await db.webhookEndpoint.count({ where: { accountId: account.accountId } })).toBe(1);
  });

  it(`are capped at ${MAX_WEBHOOK_ENDPOINTS_PER_ACCOUNT} per account, even when registered concurrently`, async () => {
    const account = await createTestAccount();
    const attempts = await Promise.all(
      Array.from({ length: MAX_WEBHOOK_ENDPOINTS_PER_ACCOUNT + 3 }, () => registerEndpoint(account, `https://hooks.example.com/${randomUUID()}`)),
    );
    expect(attempts.filter((response) => response.status === 201)).toHaveLength(MAX_WEBHOOK_ENDPOINTS_PER_ACCOUNT);
    const refused = attempts.filter((response) => response.status !== 201);
    expect(refused).toHaveLength(3);
    for (const response of refused) {
      expect(response.status).toBe(422);
      expect(response.body.error).toMatchObject({ code: "validation_failed", message: expect.stringContaining(`at most ${MAX_WEBHOOK_ENDPOINTS_PER_ACCOUNT} webhook endpoints`) });
    }
    expect(await db.webhookEndpoint.count({ where: { accountId: account.accountId } })).toBe(MAX_WEBHOOK_ENDPOINTS_PER_ACCOUNT);
    const other = await createTestAccount();
    expect((await registerEndpoint(other, "https://hooks.example.com/other")).status).toBe(201);
  });
});
