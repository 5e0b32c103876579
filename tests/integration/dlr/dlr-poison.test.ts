import { randomBytes } from "node:crypto";
import { fc } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { POST as callback } from "@/app/api/callbacks/celcom/dlr/route";
import { checkLedger } from "@/lib/credits/check-ledger";
import { db } from "@/lib/db";
import { applyFinalReports } from "@/lib/messages/transitions/apply-final-reports";
import { applyDlrBatchIsolatingFailures } from "@/lib/dlr/apply-dlr-batch-isolating-failures";
import { createDlrProcessor } from "@/lib/dlr/dlr-processor";
import { toInboundDlrs } from "@/lib/dlr/map-provider-dlr";
import type { DlrInboundJob, InboundDlr } from "@/lib/dlr/schemas";
import { env } from "@/lib/env";
import { getQueue } from "@/lib/queue/enqueue";
import { createTestAccount } from "@/tests/helpers/accounts";
import { celcomReportArbitrary } from "@/tests/helpers/dlr-arbitraries";
import { callRoute } from "@/tests/helpers/http";
import { createTestMessage, createTestMessages, waitFor } from "@/tests/helpers/messages";
import { startDlr } from "@/workers/dlr";

const token = env.DLR_CALLBACK_TOKEN;

function celcomDlr(providerMessageId: string, description = "DeliveredToTerminal") {
  return { description, messageid: providerMessageId, timeTaken: "3s", timestamp: "2026-11-23 10:16:10" };
}

function inbound(providerMessageId: string, overrides: Partial<InboundDlr> = {}): InboundDlr {
  const payload = celcomDlr(providerMessageId);
  return {
    provider: "celcom",
    providerMessageId,
    description: "DeliveredToTerminal",
    status: "delivered",
    occurredAt: new Date("2026-11-23T07:16:10Z"),
    receivedAt: new Date(),
    payload,
    ...overrides,
  };
}

async function statusesOf(ids: string[]) {
  const rows = await db.message.findMany({ where: { id: { in: ids } }, select: { id: true, status: true, chargeState: true } });
  return ids.map((id) => rows.find((row) => row.id === id));
}

/** Jobs waiting in this file's own `dlr.inbound` queue (no worker takes them unless a test starts one). */
async function waitingDlrJobs(): Promise<DlrInboundJob[]> {
  const jobs = await getQueue("dlrInbound").getJobs(["waiting", "prioritized", "delayed"]);
  return jobs.map((job) => job.data as DlrInboundJob);
}

describe("a poisoned DLR batch", () => {
  it("applies every valid report next to ones the statement refuses, and parks only those", async () => {
    const account = await createTestAccount({ credits: 100_000 });
    const messages = await createTestMessages(7, { accountId: account.accountId, cost: 90 });
    const [a, b, c, d, e, nulTarget, farFutureTarget] = messages.map((message) => message.providerMessageId!);
    // These bypass the callback's checks, as a report queued before them (or a gap in them) would.
    const withNul = inbound(nulTarget, { description: "Delivered\u0000ToTerminal" });
    const farFuture = inbound(farFutureTarget, { occurredAt: new Date("+099999-01-01T00:00:00Z") });
    const batch = [inbound(a), withNul, inbound(b), inbound(c), farFuture, inbound(d), inbound(e)];

    // Proof of the poison: the batch as one statement fails, and nothing of it is applied.
    await expect(applyFinalReports(batch)).rejects.toMatchObject({ code: expect.stringMatching(/^22/) });
    expect((await statusesOf(messages.map((message) => message.id))).every((row) => row?.status === "sent")).toBe(true);

    const result = await applyDlrBatchIsolatingFailures(batch);
    expect(result).toMatchObject({ received: 7, changed: 5, captured: 5, capturedAmount: 450n, parked: 2 });
    expect(result.statements).toBeGreaterThan(1);
    const after = await statusesOf(messages.map((message) => message.id));
    expect(after.map((row) => row?.status)).toEqual(["delivered", "delivered", "delivered", "delivered", "delivered", "sent", "sent"]);
    expect(after.slice(5).map((row) => row?.chargeState)).toEqual(["reserved", "reserved"]);

    const parked = await db.dlrDeadLetter.findMany({ where: { providerMessageId: { in: [nulTarget, farFutureTarget] } }, orderBy: { id: "asc" } });
    expect(parked.map((row) => [row.stage, row.providerMessageId])).toEqual([
      ["batch", nulTarget],
      ["batch", farFutureTarget],
    ]);
    for (const row of parked) {
      expect(row.reason).toMatch(/^sqlstate_22/);
      expect(row.error).toMatch(/^22\w{3}: /);
      expect(row.resolvedAt).toBeNull();
    }
    expect(parked[0].report).toContain("Delivered\\u0000ToTerminal");
    expect(parked[1].report).toContain("+099999-01-01");
    expect((await checkLedger(account.accountId)).problems).toEqual([]);
  });

  it("lets a report in a queued job that fails the checks take none of the batch with it", async () => {
    const account = await createTestAccount({ credits: 100_000 });
    const [first, second] = await createTestMessages(2, { accountId: account.accountId });
    const processor = createDlrProcessor({ batchSize: 50, batchWaitMs: 20, batchConcurrency: 1 });
    const receivedAt = new Date().toISOString();
    // A job queued before the callback checked reports carries them raw: one here has a NUL.
    await Promise.all([
      processor.process({ provider: "celcom", receivedAt, reports: [celcomDlr(first.providerMessageId!)] }),
      processor.process({ provider: "celcom", receivedAt, reports: [{ ...celcomDlr(second.providerMessageId!), description: "Delivered\u0000" }] }),
      processor.process({ provider: "celcom", receivedAt, reports: [celcomDlr(second.providerMessageId!, "DeliveryImpossible")] }),
    ]);
    await processor.drain();
    expect((await statusesOf([first.id, second.id])).map((row) => row?.status)).toEqual(["delivered", "undeliverable"]);
    const rejected = await db.dlrDeadLetter.findFirstOrThrow({ where: { providerMessageId: second.providerMessageId } });
    expect(rejected).toMatchObject({ stage: "callback", reason: "unstorable_text" });
    expect((await checkLedger(account.accountId)).problems).toEqual([]);
  });
});

describe("the DLR callback with malformed reports", () => {
  it("answers 200 to a far-future timestamp or a NUL, records them as rejected, queues nothing, and still applies a valid report right after", async () => {
    const account = await createTestAccount({ credits: 10_000 });
    const target = await createTestMessage({ accountId: account.accountId });
    const id = target.providerMessageId!;
    const headers = { "x-callback-token": token };
    const path = "/api/callbacks/celcom/dlr";

    const farFuture = await callRoute(callback, { path, headers, body: { ...celcomDlr(id), timestamp: "99999-01-01 00:00:00" } });
    expect(farFuture).toMatchObject({ status: 200, body: { accepted: 0, rejected: 1 } });
    // The NUL arrives as the JSON escape \u0000, exactly as a provider would send it.
    const rawNul = `{"description":"DeliveredToTerminal\\u0000","messageid":"${id}","timestamp":"2026-11-23 10:16:10"}`;
    const withNul = await callRoute(callback, { path, headers: { ...headers, "content-type": "application/json" }, rawBody: rawNul });
    expect(withNul).toMatchObject({ status: 200, body: { accepted: 0, rejected: 1 } });
    expect(await waitingDlrJobs()).toEqual([]);

    const recorded = await db.dlrDeadLetter.findMany({ where: { providerMessageId: id }, orderBy: { id: "asc" } });
    expect(recorded.map((row) => [row.stage, row.reason])).toEqual([
      ["callback", "invalid_timestamp"],
      ["callback", "unstorable_text"],
    ]);
    expect(recorded[1].report).toContain("DeliveredToTerminal\\u0000");
    expect((await db.message.findUniqueOrThrow({ where: { id: target.id } })).status).toBe("sent");

    const mixed = await callRoute(callback, { path, headers, body: [{ ...celcomDlr(id), messageid: "" }, celcomDlr(id)] });
    expect(mixed).toMatchObject({ status: 200, body: { accepted: 1, rejected: 1 } });
    const worker = await startDlr({ batchSize: 20, batchWaitMs: 20 });
    try {
      await waitFor(async () => (await db.message.findUniqueOrThrow({ where: { id: target.id } })).status === "delivered", 10_000, "valid DLR applied");
    } finally {
      await worker.close();
    }
    expect((await checkLedger(account.accountId)).problems).toEqual([]);
  });

  it("for arbitrary report fields never fails, and what it queues always applies in one statement", async () => {
    const account = await createTestAccount({ credits: 1_000_000 });
    const messages = await createTestMessages(30, { accountId: account.accountId, cost: 10 });
    const ids = messages.map((message) => message.providerMessageId!);
    const queue = getQueue("dlrInbound");
    let accepted = 0;
    let rejected = 0;
    // Marks this test's reports, so its dead letters can be counted while other files add theirs.
    const probe = `probe-${randomBytes(6).toString("hex")}`;
    await fc.assert(
      fc.asyncProperty(fc.array(celcomReportArbitrary(ids), { minLength: 1, maxLength: 5 }), async (generated) => {
        const reports = generated.map((report) => ({ probe, ...report }));
        const response = await callRoute<{ accepted: number; rejected: number }>(callback, { path: "/api/callbacks/celcom/dlr", headers: { "x-callback-token": token }, body: reports });
        expect(response.status).toBe(200);
        expect(response.body.accepted + response.body.rejected).toBe(reports.length);
        accepted += response.body.accepted;
        rejected += response.body.rejected;
        const jobs = await waitingDlrJobs();
        await queue.drain();
        expect(jobs.length).toBe(response.body.accepted > 0 ? 1 : 0);
        for (const job of jobs) {
          const mapped = toInboundDlrs(job);
          expect(mapped.rejected).toEqual([]);
          // The plain statement, without the split-and-park safety net: it must not fail.
          await applyFinalReports(mapped.reports);
        }
      }),
      { seed: 20261201, numRuns: 250 },
    );
    expect(accepted).toBeGreaterThan(50);
    expect(rejected).toBeGreaterThan(50);
    expect(await db.dlrDeadLetter.count({ where: { stage: "callback", report: { contains: probe } } })).toBe(rejected);
    expect((await checkLedger(account.accountId)).problems).toEqual([]);
  });
});
