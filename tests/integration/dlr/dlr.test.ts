import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as callback } from "@/app/api/callbacks/celcom/dlr/route";
import { POST as callbackWithPathToken } from "@/app/api/callbacks/celcom/dlr/[token]/route";
import { checkLedger } from "@/lib/credits/check-ledger";
import { db, Prisma } from "@/lib/db";
import { acceptCelcomDlrCallback } from "@/lib/dlr/accept-dlr-callback";
import { applyFinalReports } from "@/lib/messages/transitions/apply-final-reports";
import { expireStaleMessages } from "@/lib/messages/transitions/expire-stale";
import { toInboundDlrs } from "@/lib/dlr/map-provider-dlr";
import { retryOrphanDlrs } from "@/lib/dlr/retry-orphan-dlrs";
import { env } from "@/lib/env";
import { enqueueBulk, getQueue } from "@/lib/queue/enqueue";
import { createTestAccount } from "@/tests/helpers/accounts";
import { callRoute } from "@/tests/helpers/http";
import { createTestMessage, createTestMessages, waitFor } from "@/tests/helpers/messages";
import { startDlr } from "@/workers/dlr";
import type { Closeable } from "@/workers/runtime";

function celcomDlr(providerMessageId: string, description: string) {
  return { description, messageid: providerMessageId, timeTaken: "3s", timestamp: "2026-11-23 10:16:10" };
}

function reports(...raw: Record<string, unknown>[]) {
  return toInboundDlrs({ provider: "celcom", receivedAt: new Date().toISOString(), reports: raw }).reports;
}

async function message(id: string) {
  return db.message.findUniqueOrThrow({ where: { id }, select: { status: true, statusReason: true, chargeState: true, completedAt: true } });
}

async function ledgerFor(messageId: string) {
  return db.ledgerEntry.findMany({ where: { messageId }, select: { type: true, amount: true }, orderBy: { id: "asc" } });
}

describe("DLR batch application", () => {
  it("applies a final DLR once: delivered, charged once; a duplicate changes nothing", async () => {
    const account = await createTestAccount({ credits: 10_000 });
    const sent = await createTestMessage({ accountId: account.accountId, cost: 80 });
    const first = await applyFinalReports(reports(celcomDlr(sent.providerMessageId!, "DeliveredToTerminal")));
    expect(first).toMatchObject({ changed: 1, orphans: 0, captured: 1, capturedAmount: 80n });
    expect(await message(sent.id)).toMatchObject({ status: "delivered", statusReason: "DeliveredToTerminal", chargeState: "captured" });

    const duplicate = await applyFinalReports(reports(celcomDlr(sent.providerMessageId!, "DeliveredToTerminal")));
    expect(duplicate).toMatchObject({ changed: 0, captured: 0 });
    expect((await ledgerFor(sent.id)).map((entry) => entry.type)).toEqual(["reserve", "capture"]);
    expect(await db.deliveryReport.count({ where: { messageId: sent.id } })).toBe(2);
    expect(await db.messageEvent.count({ where: { messageId: sent.id, source: "dlr" } })).toBe(1);
    const balance = await db.account.findUniqueOrThrow({ where: { id: account.accountId }, select: { balance: true, reserved: true, spent: true } });
    expect(balance).toEqual({ balance: 9_920n, reserved: 0n, spent: 80n });
    expect((await checkLedger(account.accountId)).problems).toEqual([]);
  });

  it("keeps a delivered message delivered when a stale SentToNetwork arrives later or in the same batch", async () => {
    const account = await createTestAccount({ credits: 10_000 });
    const a = await createTestMessage({ accountId: account.accountId });
    const b = await createTestMessage({ accountId: account.accountId });
    await applyFinalReports(reports(celcomDlr(a.providerMessageId!, "DeliveredToTerminal")));
    const late = await applyFinalReports(reports(celcomDlr(a.providerMessageId!, "SentToNetwork")));
    expect(late.changed).toBe(0);
    expect((await message(a.id)).status).toBe("delivered");

    const sameBatch = await applyFinalReports(reports(celcomDlr(b.providerMessageId!, "DeliveredToTerminal"), celcomDlr(b.providerMessageId!, "SentToNetwork")));
    expect(sameBatch.changed).toBe(1);
    expect((await message(b.id)).status).toBe("delivered");
    expect((await checkLedger(account.accountId)).problems).toEqual([]);
  });

  it("maps every Celcom description and charges every accepted message that reaches a final status", async () => {
    const account = await createTestAccount({ credits: 10_000 });
    const cases = [
      ["DeliveredToTerminal", "delivered"],
      ["DeliveryImpossible", "undeliverable"],
      ["SenderName Blacklisted", "failed"],
      ["AbsentSubscriber", "expired"],
    ] as const;
    const created = await Promise.all(cases.map(() => createTestMessage({ accountId: account.accountId, cost: 70 })));
    const result = await applyFinalReports(reports(...cases.map(([description], index) => celcomDlr(created[index].providerMessageId!, description))));
    expect(result).toMatchObject({ changed: 4, captured: 4, capturedAmount: 280n });
    for (const [index, [description, status]] of cases.entries()) {
      expect(await message(created[index].id)).toMatchObject({ status, statusReason: description, chargeState: "captured" });
    }
    expect((await checkLedger(account.accountId)).problems).toEqual([]);
  });

  it("treats SentToNetwork, Unknown and Scheduled as not final: queued → sent, never past sent", async () => {
    const account = await createTestAccount({ credits: 10_000 });
    const queued = await createTestMessage({ accountId: account.accountId, status: "queued" });
    for (const description of ["Scheduled", "Unknown", "SentToNetwork"]) {
      await applyFinalReports(reports(celcomDlr(queued.providerMessageId!, description)));
    }
    expect(await message(queued.id)).toMatchObject({ status: "sent", chargeState: "reserved", completedAt: null });
    const events = await db.messageEvent.findMany({ where: { messageId: queued.id, source: "dlr" }, select: { status: true } });
    expect(events).toEqual([{ status: "sent" }]);
    expect((await checkLedger(account.accountId)).problems).toEqual([]);
  });

  it("stores a DLR for an unknown message id as an orphan, and re-applies it once the message appears", async () => {
    const unknownId = `orphan-${randomBytes(6).toString("hex")}`;
    const result = await applyFinalReports(reports(celcomDlr(unknownId, "DeliveredToTerminal")));
    expect(result).toMatchObject({ changed: 0, orphans: 1 });
    const stored = await db.deliveryReport.findMany({ where: { providerMessageId: unknownId } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ orphan: true, messageId: null, rawStatus: "DeliveredToTerminal", mappedStatus: "delivered" });

    // The worker's `sent` commit lands after the report (the race the orphan retry exists for).
    const account = await createTestAccount({ credits: 1_000 });
    const late = await createTestMessage({ accountId: account.accountId, providerMessageId: unknownId });
    const retried = await retryOrphanDlrs();
    expect(retried.changed).toBeGreaterThanOrEqual(1);
    expect(await message(late.id)).toMatchObject({ status: "delivered", chargeState: "captured" });
    const after = await db.deliveryReport.findMany({ where: { providerMessageId: unknownId } });
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ orphan: false, messageId: late.id });
    expect((await checkLedger(account.accountId)).problems).toEqual([]);
  });

  it("expires (and charges) messages with no final DLR after the window", async () => {
    const account = await createTestAccount({ credits: 10_000 });
    const stale = await createTestMessage({ accountId: account.accountId, sentAt: new Date(Date.now() - 49 * 3_600_000) });
    const fresh = await createTestMessage({ accountId: account.accountId });
    let expired = 0;
    for (let round = await expireStaleMessages({ olderThanHours: 48 }); round > 0; round = await expireStaleMessages({ olderThanHours: 48 })) expired += round;
    expect(expired).toBeGreaterThanOrEqual(1);
    expect(await message(stale.id)).toMatchObject({ status: "expired", statusReason: "no_final_delivery_report", chargeState: "captured" });
    expect((await message(fresh.id)).status).toBe("sent");
    expect(await db.messageEvent.count({ where: { messageId: stale.id, status: "expired", source: "sweeper" } })).toBe(1);
    // A DLR arriving after the sweeper closed the message changes nothing.
    const late = await applyFinalReports(reports(celcomDlr(stale.providerMessageId!, "DeliveredToTerminal")));
    expect(late.changed).toBe(0);
    expect((await checkLedger(account.accountId)).problems).toEqual([]);
  });

  it("lets concurrent batches with the same and conflicting reports for two accounts neither deadlock nor charge twice", async () => {
    const [first, second] = await Promise.all([createTestAccount({ credits: 100_000 }), createTestAccount({ credits: 100_000 })]);
    const messages = [
      ...(await createTestMessages(150, { accountId: first.accountId, cost: 80 })),
      ...(await createTestMessages(150, { accountId: second.accountId, cost: 60 })),
    ];
    const delivered = messages.map((sent) => celcomDlr(sent.providerMessageId!, "DeliveredToTerminal"));
    const failed = messages.map((sent) => celcomDlr(sent.providerMessageId!, "DeliveryImpossible"));
    // Six batches over the same 300 messages in different orders: every message gets two final
    // reports (delivered and failed) three times each, from statements running at the same time.
    const batches = [delivered, failed.toReversed(), delivered.toReversed(), failed, delivered, failed.toReversed()];
    const results = await Promise.all(batches.map((batch) => applyFinalReports(reports(...batch))));

    expect(results.reduce((sum, result) => sum + result.changed, 0)).toBe(300);
    expect(results.reduce((sum, result) => sum + result.captured, 0)).toBe(300);
    const finals = await db.message.groupBy({ by: ["chargeState"], where: { id: { in: messages.map((sent) => sent.id) } }, _count: true });
    expect(finals).toEqual([{ chargeState: "captured", _count: 300 }]);
    expect(await db.ledgerEntry.count({ where: { messageId: { in: messages.map((sent) => sent.id) }, type: "capture" } })).toBe(300);
    expect(await db.messageEvent.count({ where: { messageId: { in: messages.map((sent) => sent.id) }, source: "dlr" } })).toBe(300);
    for (const account of [first, second]) expect((await checkLedger(account.accountId)).problems).toEqual([]);
    const spent = await db.account.findMany({ where: { id: { in: [first.accountId, second.accountId] } }, select: { id: true, reserved: true, spent: true } });
    expect(spent.find((row) => row.id === first.accountId)).toMatchObject({ reserved: 0n, spent: 150n * 80n });
    expect(spent.find((row) => row.id === second.accountId)).toMatchObject({ reserved: 0n, spent: 150n * 60n });
  });
});

describe("DLR callback route", () => {
  const token = env.DLR_CALLBACK_TOKEN;
  const body = celcomDlr("1889191", "DeliveredToTerminal");

  it("refuses bad or missing tokens with 401 and enqueues nothing", async () => {
    const queue = getQueue("dlrInbound");
    const before = await queue.getJobCountByTypes("waiting", "active", "completed", "delayed", "prioritized");
    for (const headers of [{}, { "x-callback-token": "wrong-token-value" }, { "x-callback-token": `${token}x` }] as Record<string, string>[]) {
      const response = await callRoute(callback, { path: "/api/callbacks/celcom/dlr", body, headers });
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({ error: { code: "unauthorized" } });
    }
    const wrongPath = await callRoute(callbackWithPathToken, { path: "/api/callbacks/celcom/dlr/nope", body, params: { token: "nope" } });
    expect(wrongPath.status).toBe(401);
    expect(await queue.getJobCountByTypes("waiting", "active", "completed", "delayed", "prioritized")).toBe(before);
  });

  it("accepts the token by header, query or path, one object or an array; 400 to bodies that are no reports, 200 and recorded for unusable reports", async () => {
    const byHeader = await callRoute(callback, { path: "/api/callbacks/celcom/dlr", body, headers: { "x-callback-token": token } });
    expect(byHeader).toMatchObject({ status: 200, body: { accepted: 1 } });
    const byQuery = await callRoute(callback, { path: `/api/callbacks/celcom/dlr?token=${token}`, body: [body, body] });
    expect(byQuery).toMatchObject({ status: 200, body: { accepted: 2 } });
    const byPath = await callRoute(callbackWithPathToken, { path: `/api/callbacks/celcom/dlr/${token}`, body, params: { token } });
    expect(byPath.status).toBe(200);

    const notJson = await callRoute(callback, { path: "/api/callbacks/celcom/dlr", rawBody: "{oops", headers: { "x-callback-token": token } });
    expect(notJson.status).toBe(400);
    const notAReport = await callRoute(callback, { path: "/api/callbacks/celcom/dlr", body: "delivered", headers: { "x-callback-token": token } });
    expect(notAReport.status).toBe(400);
    const wrongShape = await callRoute(callback, { path: "/api/callbacks/celcom/dlr", body: { status: "ok" }, headers: { "x-callback-token": token } });
    expect(wrongShape).toMatchObject({ status: 200, body: { accepted: 0, rejected: 1 } });
    const emptyArray = await callRoute(callback, { path: "/api/callbacks/celcom/dlr", body: [], headers: { "x-callback-token": token } });
    expect(emptyArray.status).toBe(400);
  });

  it("requires a valid HMAC of the raw body when an HMAC secret is configured", async () => {
    const { createHmac } = await import("node:crypto");
    const auth = { token: "callback-token-123", hmacSecret: "hmac-secret-456" };
    const raw = JSON.stringify(body);
    const request = (signature?: string) =>
      new Request("http://localhost/api/callbacks/celcom/dlr", {
        method: "POST",
        headers: { "content-type": "application/json", "x-callback-token": auth.token, ...(signature ? { "x-signature": signature } : {}) },
        body: raw,
      });
    await expect(acceptCelcomDlrCallback(request(), { auth })).rejects.toMatchObject({ code: "unauthorized" });
    await expect(acceptCelcomDlrCallback(request("sha256=" + "0".repeat(64)), { auth })).rejects.toMatchObject({ code: "unauthorized" });
    const good = `sha256=${createHmac("sha256", auth.hmacSecret).update(raw).digest("hex")}`;
    await expect(acceptCelcomDlrCallback(request(good), { auth })).resolves.toEqual({ accepted: 1, rejected: 0 });
  });
});

describe("DLR processor", () => {
  let worker: Closeable;
  beforeAll(async () => {
    worker = startDlr({ batchSize: 100, batchWaitMs: 500 });
  });
  afterAll(async () => {
    await worker.close();
  });

  it("applies a burst of 1,000 DLRs in at most 15 batches, each message delivered and charged once", async () => {
    const account = await createTestAccount({ credits: 1_000_000 });
    const created = await createTestMessages(1_000, { accountId: account.accountId, cost: 80 });
    const receivedAt = new Date().toISOString();
    await enqueueBulk(
      "dlrInbound",
      created.map((item) => ({ payload: { provider: "celcom", receivedAt, reports: [celcomDlr(item.providerMessageId!, "DeliveredToTerminal")] } })),
    );
    const ids = created.map((item) => item.id);
    await waitFor(async () => (await db.message.count({ where: { id: { in: ids }, status: "delivered" } })) === 1_000, 20_000, "1,000 delivered");
    // Each batch is one statement, so its rows share one transaction timestamp.
    const [{ batches }] = await db.$queryRaw<{ batches: bigint }[]>(Prisma.sql`
      SELECT count(DISTINCT processed_at) AS batches FROM delivery_reports WHERE message_id = ANY(${ids}::uuid[])`);
    expect(Number(batches)).toBeLessThanOrEqual(15);
    expect(await db.ledgerEntry.count({ where: { messageId: { in: ids }, type: "capture" } })).toBe(1_000);
    expect((await checkLedger(account.accountId)).problems).toEqual([]);
  });
});
