import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as sendRoute } from "@/app/api/v1/messages/route";
import { POST as campaignsRoute } from "@/app/api/v1/campaigns/route";
import { GET as campaignRoute } from "@/app/api/v1/campaigns/[id]/route";
import { GET as listOptOutsRoute, POST as optOutRoute } from "@/app/api/v1/opt-outs/route";
import { DELETE as optInRoute, GET as optOutStatusRoute } from "@/app/api/v1/opt-outs/[phone]/route";
import { POST as previewRoute } from "@/app/api/v1/messages/preview/route";
import { GET as historyRoute } from "@/app/api/v1/opt-outs/[phone]/history/route";
import { reviewCampaignContent } from "@/lib/campaigns/review-campaign-content";
import { checkLedger } from "@/lib/credits/check-ledger";
import { db } from "@/lib/db";
import { applyFinalReports } from "@/lib/messages/transitions/apply-final-reports";
import { createProvider } from "@/lib/providers";
import { createCelcomSimulator, type CelcomSimulator } from "@/simulators/celcom/create-celcom-simulator";
import { sendMessageBatch } from "@/lib/sending/send-batch";
import { attemptSend } from "@/lib/sending/attempt-send";
import { relayMessageEvents } from "@/lib/webhooks/relay-message-events";
import { readyListOf } from "@/tests/integration/campaigns/helpers";
import { createTestAccount, type TestAccount } from "@/tests/helpers/accounts";
import { callRoute } from "@/tests/helpers/http";
import { messageWithEvents, waitFor } from "@/tests/helpers/messages";
import { assignNumber, nextProviderId, postInbound, uniquePhone, uniqueShortCode, waitForInbound } from "@/tests/helpers/two-way";
import type { Closeable } from "@/workers/runtime";
import { startContacts } from "@/workers/contacts";
import { startInbound } from "@/workers/inbound";

let simulator: CelcomSimulator;
let workers: Closeable[] = [];
let provider: ReturnType<typeof createProvider>;

beforeAll(async () => {
  simulator = await createCelcomSimulator({ dlrEnabled: false });
  provider = createProvider({ kind: "simulator", baseUrl: simulator.url, timeoutMs: 2_000 });
  workers = [startInbound(), startContacts()];
});

afterAll(async () => {
  for (const worker of workers) await worker.close();
  await simulator.close();
});

async function send(account: TestAccount, to: string): Promise<string> {
  const response = await callRoute<{ messageId: string }>(sendRoute, { apiKey: account.apiKey, body: { to, from: account.senderId, body: "Your parcel is ready" } });
  expect(response.status).toBe(202);
  return response.body.messageId;
}

function optOut(account: TestAccount, phone: string) {
  return callRoute<{ phone: string; source: string; error?: { code: string } }>(optOutRoute, { apiKey: account.apiKey, path: "/v1/opt-outs", body: { phone } });
}

function optIn(account: TestAccount, phone: string) {
  return callRoute<{ phone: string; optedOut: boolean; error?: { code: string } }>(optInRoute, {
    method: "DELETE",
    apiKey: account.apiKey,
    path: `/v1/opt-outs/${phone}`,
    params: { phone },
  });
}

const attempt = (messageId: string) => attemptSend(messageId, { provider, maxAttempts: 3, lastJobAttempt: false });

describe("opt-out enforcement and the opt-outs API", () => {
  it("rejects a queued message whose number opted out after it was accepted: never sent, refunded, message.rejected", async () => {
    const account = await createTestAccount({ credits: 1_000 });
    const phone = uniquePhone();
    const messageId = await send(account, phone);
    expect((await db.account.findUniqueOrThrow({ where: { id: account.accountId } })).balance).toBe(920n);
    expect((await optOut(account, phone)).status).toBe(201);

    const sendsBefore = simulator.stats.sendsReceived;
    expect(await attempt(messageId)).toEqual({ kind: "skipped" });
    expect(simulator.stats.sendsReceived).toBe(sendsBefore);
    const message = await messageWithEvents(messageId);
    expect(message).toMatchObject({ status: "rejected", statusReason: "opted_out", chargeState: "released" });
    expect(message.completedAt).not.toBeNull();
    expect(message.events.map((event) => [event.status, event.reason])).toEqual([
      ["submitted", null],
      ["rejected", "opted_out"],
    ]);
    expect(await db.ledgerEntry.findFirst({ where: { messageId, type: "release" } })).toMatchObject({ amount: 80n });
    expect((await db.account.findUniqueOrThrow({ where: { id: account.accountId } })).balance).toBe(1_000n);
    await waitFor(async () => (await relayMessageEvents()).claimed === 0 && (await db.webhookEvent.count({ where: { messageId, type: "message.rejected" } })) === 1, 10_000, "message.rejected");
    // Running the job again changes nothing.
    expect(await attempt(messageId)).toEqual({ kind: "skipped" });
    expect(await db.ledgerEntry.count({ where: { messageId, type: "release" } })).toBe(1);
    expect((await checkLedger(account.accountId)).problems).toEqual([]);
  });

  it("claims a batch without its opted-out messages, which are rejected and refunded in the same statement", async () => {
    const account = await createTestAccount({ credits: 1_000 });
    const [kept, dropped] = [uniquePhone(), uniquePhone()];
    const ids = [await send(account, kept), await send(account, dropped)];
    expect((await optOut(account, dropped)).status).toBe(201);
    const summary = await sendMessageBatch(ids, { provider, maxAttempts: 3, backoffMs: 10, priority: "normal", useProviderBatch: true });
    expect(summary).toMatchObject({ requested: 2, claimed: 1, sent: 1 });
    expect(await db.message.findUniqueOrThrow({ where: { id: ids[0] } })).toMatchObject({ status: "sent", chargeState: "reserved" });
    expect(await db.message.findUniqueOrThrow({ where: { id: ids[1] } })).toMatchObject({ status: "rejected", statusReason: "opted_out", chargeState: "released" });
    expect((await checkLedger(account.accountId)).problems).toEqual([]);
  });

  it("charges a keyword reply like any message once the provider delivers it", async () => {
    const account = await createTestAccount({ credits: 1_000 });
    const number = uniqueShortCode();
    await assignNumber(account.accountId, number);
    const phone = uniquePhone();
    const messageid = nextProviderId();
    expect((await postInbound({ from: phone, to: number, message: "help", messageid })).status).toBe(200);
    const asked = await waitForInbound(messageid);
    const reply = await waitFor(() => db.message.findFirst({ where: { inReplyToId: asked.id } }), 10_000, "the HELP reply");
    expect(reply.body).toContain("reply STOP");

    const outcome = await attempt(reply.id);
    expect(outcome.kind).toBe("sent");
    const providerMessageId = (outcome as { providerMessageId: string }).providerMessageId;
    await applyFinalReports([{ provider: "celcom", providerMessageId, status: "delivered", description: "DeliveredToTerminal", occurredAt: null, receivedAt: new Date(), payload: {} }]);
    expect(await db.message.findUniqueOrThrow({ where: { id: reply.id } })).toMatchObject({ status: "delivered", chargeState: "captured" });
    expect(await db.account.findUniqueOrThrow({ where: { id: account.accountId } })).toMatchObject({ spent: 80n, reserved: 0n, balance: 920n });
    expect((await checkLedger(account.accountId)).problems).toEqual([]);
  });

  it("lists, filters and pages opt-outs, opts back in with a recorded event, and keeps accounts apart", async () => {
    const account = await createTestAccount();
    const other = await createTestAccount();
    const phones = [uniquePhone(), uniquePhone(), uniquePhone()];
    for (const phone of phones) expect((await optOut(account, phone.replace("+254", "0"))).status).toBe(201);
    const again = await optOut(account, phones[0]);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ phone: phones[0], source: "api" });

    const first = await callRoute<{ data: { phone: string }[]; nextCursor: string | null }>(listOptOutsRoute, { apiKey: account.apiKey, path: "/v1/opt-outs?limit=2" });
    expect(first.body.data.map((row) => row.phone)).toEqual([phones[2], phones[1]]);
    const second = await callRoute<{ data: { phone: string }[]; nextCursor: string | null }>(listOptOutsRoute, {
      apiKey: account.apiKey,
      path: `/v1/opt-outs?limit=2&cursor=${first.body.nextCursor}`,
    });
    expect(second.body).toEqual({ data: [expect.objectContaining({ phone: phones[0] })], nextCursor: null });
    const filtered = await callRoute<{ data: { phone: string }[] }>(listOptOutsRoute, { apiKey: account.apiKey, path: `/v1/opt-outs?phone=${phones[1].slice(4)}` });
    expect(filtered.body.data.map((row) => row.phone)).toEqual([phones[1]]);

    const status = await callRoute(optOutStatusRoute, { apiKey: account.apiKey, path: "/x", params: { phone: phones[1].replace("+254", "0") } });
    expect(status.body).toMatchObject({ phone: phones[1], optedOut: true, source: "api" });
    const preview = await callRoute<{ issues: { code: string; field: string }[] }>(previewRoute, {
      apiKey: account.apiKey,
      path: "/v1/messages/preview",
      body: { to: phones[1], from: account.senderId, body: "Hello" },
    });
    expect(preview.body.issues).toEqual([expect.objectContaining({ code: "opted_out", field: "to" })]);

    // Another account sees none of them, and cannot opt them back in.
    expect((await callRoute(optOutStatusRoute, { apiKey: other.apiKey, path: "/x", params: { phone: phones[1] } })).body).toMatchObject({ optedOut: false });
    const foreign = await callRoute<{ data: unknown[] }>(listOptOutsRoute, { apiKey: other.apiKey, path: "/v1/opt-outs" });
    expect(foreign.body.data).toEqual([]);
    expect((await optIn(other, phones[0])).status).toBe(404);
    await send(other, phones[0]);

    const lifted = await optIn(account, encodeURIComponent(phones[0]));
    expect(lifted).toMatchObject({ status: 200, body: { phone: phones[0], optedOut: false } });
    expect((await optIn(account, phones[0])).status).toBe(404);
    await send(account, phones[0]);

    const history = await callRoute<{ optedOut: boolean; events: { action: string; source: string; apiKeyId: string }[] }>(historyRoute, {
      apiKey: account.apiKey,
      path: `/v1/opt-outs/${phones[0]}/history`,
      params: { phone: phones[0] },
    });
    expect(history.body.events.map((event) => [event.action, event.source])).toEqual([
      ["opt_out", "api"],
      ["opt_out", "api"],
      ["opt_in", "api"],
    ]);
    expect(new Set(history.body.events.map((event) => event.apiKeyId)).size).toBe(1);
    const foreignHistory = await callRoute<{ events: unknown[] }>(historyRoute, { apiKey: other.apiKey, path: "/v1/opt-outs/x/history", params: { phone: phones[0] } });
    expect(foreignHistory.body.events).toEqual([]);

    const invalid = await optOut(account, "12345");
    expect(invalid.status).toBe(422);
    expect(invalid.body.error?.code).toBe("invalid_phone_number");
    const empty = await callRoute<{ error: { code: string } }>(optOutRoute, { apiKey: account.apiKey, path: "/v1/opt-outs", body: { phone: "" } });
    expect(empty.status).toBe(422);
    expect(empty.body.error.code).toBe("validation_failed");
  });

  it("campaigns skip opted-out numbers and say how many; one opting out after expansion is rejected at send", async () => {
    const account = await createTestAccount({ credits: 100_000 });
    const phones = [uniquePhone(), uniquePhone(), uniquePhone()];
    const list = await readyListOf(account.accountId, phones);
    expect((await optOut(account, phones[0])).status).toBe(201);

    const created = await callRoute<{ campaignId: string; recipients: number; optedOut: number; estimatedCost: number }>(campaignsRoute, {
      apiKey: account.apiKey,
      path: "/v1/campaigns",
      body: { name: "Promo", from: account.senderId, body: "Sale today only", contactListId: list.id },
    });
    expect(created.status).toBe(202);
    expect(created.body).toMatchObject({ recipients: 2, optedOut: 1, estimatedCost: 160 });
    expect((await reviewCampaignContent(created.body.campaignId)).outcome).toBe("queued");
    const campaign = await callRoute<{ messageCount: number; optedOutCount: number }>(campaignRoute, {
      apiKey: account.apiKey,
      path: `/v1/campaigns/${created.body.campaignId}`,
      params: { id: created.body.campaignId },
    });
    expect(campaign.body).toMatchObject({ messageCount: 2, optedOutCount: 1 });
    const queuedEvent = await db.webhookEvent.findFirstOrThrow({ where: { campaignId: created.body.campaignId, type: "campaign.queued" } });
    expect(queuedEvent.payload).toMatchObject({ data: { messageCount: 2, optedOut: 1 } });

    expect((await optOut(account, phones[2])).status).toBe(201);
    const messages = await db.message.findMany({ where: { campaignId: created.body.campaignId }, select: { id: true, to: true } });
    expect(messages.map((message) => message.to).sort()).toEqual([phones[1], phones[2]].sort());
    const summary = await sendMessageBatch(messages.map((message) => message.id), { provider, maxAttempts: 3, backoffMs: 10, priority: "normal", useProviderBatch: true });
    expect(summary).toMatchObject({ claimed: 1, sent: 1 });
    const late = messages.find((message) => message.to === phones[2])!;
    expect(await db.message.findUniqueOrThrow({ where: { id: late.id } })).toMatchObject({ status: "rejected", statusReason: "opted_out", chargeState: "released" });
    expect((await checkLedger(account.accountId)).problems).toEqual([]);
  });
});
