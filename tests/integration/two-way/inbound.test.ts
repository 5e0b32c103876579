import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as inboundCallbackWithToken } from "@/app/api/callbacks/celcom/inbound/[token]/route";
import { POST as sendRoute } from "@/app/api/v1/messages/route";
import { GET as historyRoute } from "@/app/api/v1/opt-outs/[phone]/history/route";
import { POST as createKeywordRoute } from "@/app/api/v1/keywords/route";
import { GET as listInboundRoute } from "@/app/api/v1/inbound-messages/route";
import { POST as createEndpoint } from "@/app/api/v1/webhooks/route";
import { checkLedger } from "@/lib/credits/check-ledger";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { listUnroutedInbound } from "@/lib/inbound/list-inbound-messages";
import { upsertSchedules } from "@/lib/queue/enqueue";
import { verifyWebhookSignature } from "@/lib/webhooks/signing";
import { createTestAccount, type TestAccount } from "@/tests/helpers/accounts";
import { callRoute } from "@/tests/helpers/http";
import { waitFor } from "@/tests/helpers/messages";
import { assignNumber, nextProviderId, postInbound, uniquePhone, uniqueShortCode, waitForInbound, waitForInboundQueueIdle } from "@/tests/helpers/two-way";
import { startWebhookReceiver, type WebhookReceiver } from "@/tests/helpers/webhook-receiver";
import { startInbound } from "@/workers/inbound";
import type { Closeable } from "@/workers/runtime";
import { startWebhooks } from "@/workers/webhooks";

let receiver: WebhookReceiver;
let workers: Closeable[] = [];

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  workers = [startInbound(), startWebhooks({ delivery: { allowLoopback: true, schedule: [50, 50], timeoutMs: 2_000 } })];
  await upsertSchedules({ only: ["webhooks-relay"], everyMs: { "webhooks-relay": 250 } });
});

afterAll(async () => {
  for (const worker of workers) await worker.close();
  await receiver.close();
});

function send(account: TestAccount, to: string) {
  return callRoute<{ messageId?: string; error?: { code: string; details?: { field?: string } } }>(sendRoute, {
    apiKey: account.apiKey,
    body: { to, from: account.senderId, body: "Weekend offer: 20% off" },
  });
}

async function inbound(from: string, to: string, message: string, messageid = nextProviderId()) {
  const posted = await postInbound({ from, to, message, messageid, timestamp: "2026-11-23 10:16:10" });
  expect(posted.status).toBe(200);
  expect(posted.body).toEqual({ accepted: 1 });
  return waitForInbound(messageid);
}

describe("two-way messaging: inbound pipeline", () => {
  it("STOP makes the next send 422 opted_out for that account only, START lifts it, both recorded as consent with evidence", async () => {
    const account = await createTestAccount({ credits: 10_000 });
    const other = await createTestAccount({ credits: 10_000 });
    const number = uniqueShortCode();
    await assignNumber(account.accountId, number);
    const phone = uniquePhone();

    const stop = await inbound(phone.replace("+254", "0"), number, "Stop");
    expect(stop).toMatchObject({ accountId: account.accountId, from: phone, to: number, body: "Stop", keyword: "STOP", action: "opt_out" });

    const refused = await send(account, phone);
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: "opted_out", details: [{ field: "to" }] });
    expect(await db.message.count({ where: { accountId: account.accountId, to: phone, inReplyToId: null } })).toBe(0);
    expect((await send(other, phone)).status).toBe(202);

    // The STOP is confirmed from the short code, once, although the phone is now opted out.
    const confirmation = await waitFor(() => db.message.findFirst({ where: { inReplyToId: stop.id } }), 10_000, "the STOP confirmation");
    expect(confirmation).toMatchObject({ accountId: account.accountId, to: phone, from: number, status: "submitted", priority: "high" });
    expect(confirmation.body).toContain("Reply START");

    const start = await inbound(phone, number, "START");
    expect(start.action).toBe("opt_in");
    expect((await send(account, phone)).status).toBe(202);

    const history = await callRoute<{ optedOut: boolean; events: { action: string; source: string; inboundMessageId: string }[] }>(historyRoute, {
      apiKey: account.apiKey,
      path: `/v1/opt-outs/${encodeURIComponent(phone)}/history`,
      params: { phone: encodeURIComponent(phone) },
    });
    expect(history.status).toBe(200);
    expect(history.body.optedOut).toBe(false);
    expect(history.body.events).toEqual([
      expect.objectContaining({ action: "opt_out", source: "inbound_keyword", inboundMessageId: stop.id }),
      expect.objectContaining({ action: "opt_in", source: "inbound_keyword", inboundMessageId: start.id }),
    ]);
    expect((await checkLedger(account.accountId)).problems).toEqual([]);
  });

  it("answers a keyword with a reply from the number, priced and reserved like any message, linked to the inbound message", async () => {
    const account = await createTestAccount({ credits: 10_000 });
    const number = uniqueShortCode();
    await assignNumber(account.accountId, number, { zeroRated: true });
    const created = await callRoute<{ id: string; keyword: string }>(createKeywordRoute, {
      apiKey: account.apiKey,
      path: "/v1/keywords",
      body: { keyword: "price", action: "reply", reply: "Unga 2kg is KES 180 today" },
    });
    expect(created.status).toBe(201);
    expect(created.body.keyword).toBe("PRICE");
    const phone = uniquePhone();

    const asked = await inbound(phone, number, "price? unga");
    expect(asked).toMatchObject({ keyword: "PRICE", action: "reply", replyBody: "Unga 2kg is KES 180 today" });
    const reply = await waitFor(() => db.message.findFirst({ where: { inReplyToId: asked.id } }), 10_000, "the keyword reply");
    expect(reply).toMatchObject({ from: number, to: phone, body: "Unga 2kg is KES 180 today", cost: 80, chargeState: "reserved", segments: 1 });
    const reserve = await db.ledgerEntry.findFirst({ where: { messageId: reply.id, type: "reserve" } });
    expect(reserve?.amount).toBe(80n);
    expect((await db.account.findUniqueOrThrow({ where: { id: account.accountId } })).reserved).toBe(80n);

    // A zero-rated short code sends no STOP confirmation unless the account turns them on.
    const stop = await inbound(phone, number, "STOP");
    expect(stop).toMatchObject({ action: "opt_out", replyBody: null });
    await waitForInboundQueueIdle();
    expect(await db.message.count({ where: { inReplyToId: stop.id } })).toBe(0);
    expect((await checkLedger(account.accountId)).problems).toEqual([]);
  });

  it("emits message.inbound, signed, to subscribed endpoints only, and stores a provider retry once", async () => {
    const account = await createTestAccount({ credits: 10_000 });
    const number = uniqueShortCode();
    await assignNumber(account.accountId, number);
    const subscribed = await callRoute<{ id: string; secret: string }>(createEndpoint, {
      apiKey: account.apiKey,
      path: "/v1/webhooks",
      body: { url: `${receiver.url}/inbound-hook`, events: ["message.inbound"] },
    });
    expect(subscribed.status).toBe(201);
    const deaf = await callRoute(createEndpoint, {
      apiKey: account.apiKey,
      path: "/v1/webhooks",
      body: { url: `${receiver.url}/delivered-hook`, events: ["message.delivered"] },
    });
    expect(deaf.status).toBe(201);

    const phone = uniquePhone();
    const messageid = nextProviderId();
    for (let attempt = 0; attempt < 3; attempt++) {
      expect((await postInbound({ from: phone, to: number, message: "Habari, is the shop open?", messageid })).status).toBe(200);
    }
    const stored = await waitForInbound(messageid);
    await waitForInboundQueueIdle();
    expect(await db.inboundMessage.count({ where: { provider: "celcom", providerMessageId: messageid } })).toBe(1);
    expect(await db.webhookEvent.count({ where: { accountId: account.accountId, type: "message.inbound" } })).toBe(1);

    const request = await waitFor(async () => receiver.requests.find((item) => item.path === "/inbound-hook"), 10_000, "the message.inbound delivery");
    expect(verifyWebhookSignature({ headers: request.headers as Record<string, string>, body: request.body, secret: subscribed.body.secret })).toEqual({ valid: true });
    expect(request.json).toMatchObject({
      eventType: "message.inbound",
      data: { id: stored.id, from: phone, to: number, body: "Habari, is the shop open?", keyword: null, action: null, provider: "celcom", providerMessageId: messageid },
    });
    expect(receiver.requests.filter((item) => item.path === "/delivered-hook")).toHaveLength(0);

    const listed = await callRoute<{ data: { id: string }[] }>(listInboundRoute, { apiKey: account.apiKey, path: `/v1/inbound-messages?phone=${encodeURIComponent(phone.replace("+254", "0"))}` });
    expect(listed.body.data.map((item) => item.id)).toEqual([stored.id]);
    const stranger = await createTestAccount();
    const foreign = await callRoute<{ data: unknown[] }>(listInboundRoute, { apiKey: stranger.apiKey, path: `/v1/inbound-messages?phone=${encodeURIComponent(phone)}` });
    expect(foreign.body.data).toEqual([]);
  });

  it("splits a shared short code by keyword; a bare STOP to it stops every account sharing it", async () => {
    const acme = await createTestAccount();
    const beta = await createTestAccount();
    const number = uniqueShortCode();
    await assignNumber(acme.accountId, number, { keyword: "acme" });
    await assignNumber(beta.accountId, number, { keyword: "BETA" });
    const phone = uniquePhone();

    expect(await inbound(phone, number, "ACME hello")).toMatchObject({ accountId: acme.accountId, keyword: null });
    expect(await inbound(phone, number, "stop beta")).toMatchObject({ accountId: beta.accountId, action: "opt_out" });
    expect((await send(beta, phone)).status).toBe(422);
    expect((await send(acme, phone)).status).toBe(202);

    const bare = await inbound(phone, number, "STOP");
    expect(bare).toMatchObject({ accountId: null, keyword: null });
    expect(await db.consentEvent.count({ where: { inboundMessageId: bare.id, action: "opt_out" } })).toBe(2);
    expect((await send(acme, phone)).status).toBe(422);
  });

  it("keeps messages for unknown numbers and odd text, and answers bad callbacks with clear statuses", async () => {
    const unknown = await inbound(uniquePhone(), uniqueShortCode(), "Hello?");
    expect(unknown.accountId).toBeNull();
    expect((await listUnroutedInbound(500)).latest.map((item) => item.id)).toContain(unknown.id);

    const account = await createTestAccount();
    const number = uniqueShortCode();
    await assignNumber(account.accountId, number);
    const phone = uniquePhone();
    expect(await inbound(phone, number, "")).toMatchObject({ body: "", keyword: null, action: null });
    const long = "Habari ".repeat(285).slice(0, 2_000);
    expect((await inbound(phone, number, long)).body).toBe(long);
    expect((await inbound(phone, number, "a\u0000b \ud800 😊")).body).toBe("a\uFFFDb \uFFFD 😊");

    const formId = nextProviderId();
    const form = await postInbound(undefined, { "content-type": "application/x-www-form-urlencoded" });
    expect(form.status).toBe(400);
    const formPosted = await callRoute(inboundCallbackWithToken, {
      path: `/api/callbacks/celcom/inbound/${env.DLR_CALLBACK_TOKEN}`,
      params: { token: env.DLR_CALLBACK_TOKEN },
      headers: { "content-type": "application/x-www-form-urlencoded" },
      rawBody: new URLSearchParams({ msisdn: phone, shortcode: number, text: "START", linkid: formId }).toString(),
    });
    expect(formPosted.status).toBe(200);
    expect(await waitForInbound(formId)).toMatchObject({ from: phone, to: number, body: "START", action: "opt_in" });

    expect((await postInbound({ from: phone, to: number, message: "hi" }, { "x-callback-token": "wrong-token-value" })).status).toBe(401);
    const withoutToken = await callRoute(inboundCallbackWithToken, { path: "/api/callbacks/celcom/inbound/x", params: { token: "nope" }, body: { from: phone, to: number, message: "hi" } });
    expect(withoutToken.status).toBe(401);
    const malformed = await postInbound(undefined, { "content-type": "application/json" });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error?.code).toBe("invalid_json");
    const missing = await postInbound({ message: "hi" });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ code: "bad_request", details: [{ field: "from" }, { field: "to" }] });
    const tooBig = await postInbound({ from: phone, to: number, message: "x".repeat(70_000) });
    expect(tooBig.status).toBe(413);
  });
});
