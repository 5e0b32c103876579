import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { checkLedger } from "@/lib/credits/check-ledger";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { expandCampaign } from "@/lib/campaigns/expand-campaign";
import { createProvider } from "@/lib/providers";
import { getQueue } from "@/lib/queue/enqueue";
import { markBatchQueued } from "@/lib/messages/transitions/mark-queued";
import { requeueMessageSends } from "@/lib/sending/requeue-sends";
import { createCelcomSimulator, type CelcomSimulator } from "@/simulators/celcom/create-celcom-simulator";
import { createTestAccount } from "@/tests/helpers/accounts";
import { waitFor } from "@/tests/helpers/messages";
import { readyListOf } from "@/tests/integration/campaigns/helpers";
import { startContacts } from "@/workers/contacts";
import { startSending } from "@/workers/sending";
import { closeWithin, type Closeable } from "@/workers/runtime";

let simulator: CelcomSimulator;
const running: Closeable[] = [];

beforeAll(async () => {
  running.push(startContacts());
  simulator = await createCelcomSimulator({ dlrEnabled: false });
});

afterAll(async () => {
  await closeWithin(running, 10_000);
  await simulator?.close();
});

/** A campaign of `count` messages, expanded: they are `submitted` and their batch job is enqueued. */
async function campaignBatch(count: number, first: number) {
  const account = await createTestAccount({ credits: 100_000 });
  const numbers = Array.from({ length: count }, (_, index) => `07124${String(first + index).padStart(5, "0")}`);
  const list = await readyListOf(account.accountId, numbers);
  const created = await createCampaign(account.accountId, { name: "Shutdown", from: account.senderId, body: "Your parcel is waiting", contactListId: list.id, priority: "normal" });
  await db.campaign.update({ where: { id: created.campaignId }, data: { status: "queued", queuedAt: new Date() } });
  await expandCampaign(created.campaignId);
  const ids = (await db.message.findMany({ where: { campaignId: created.campaignId }, select: { id: true } })).map((message) => message.id);
  expect(ids).toHaveLength(count);
  return { accountId: account.accountId, ids };
}

const statuses = async (ids: string[]) =>
  (await db.message.findMany({ where: { id: { in: ids } }, select: { status: true } })).map((message) => message.status);

/** The fixture worker process; resolves its exit code and keeps its output. */
function startWorkerProcess(shutdownTimeoutMs: number) {
  const child = spawn(path.resolve("node_modules/.bin/tsx"), ["tests/integration/worker/fixtures/batch-sender.ts"], {
    env: { ...process.env, SIMULATOR_URL: simulator.url, SHUTDOWN_TIMEOUT_MS: String(shutdownTimeoutMs) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const output = { text: "" };
  child.stdout.on("data", (chunk: Buffer) => (output.text += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  return { child, output, exited };
}

describe("worker SIGTERM in the middle of a batch send", () => {
  it("stops taking jobs, finishes the batch and records every message as sent", { timeout: 60_000 }, async () => {
    simulator.reset();
    simulator.updateConfig({ sendLatencyMs: 1_500 });
    const worker = startWorkerProcess(30_000);
    await waitFor(async () => worker.output.text.includes("ready"), 20_000, "the worker process to start");
    const batch = await campaignBatch(20, 0);
    await waitFor(async () => simulator.stats.sendRequests > 0, 15_000, "the batch's provider requests");

    worker.child.kill("SIGTERM");
    await waitFor(async () => worker.output.text.includes("shutting down"), 10_000, "the worker to begin stopping");
    // Work arriving now is left for another worker.
    const later = await campaignBatch(3, 100);
    expect(await worker.exited).toBe(0);
    expect(worker.output.text).toContain("stopped");

    expect(await statuses(batch.ids)).toEqual(batch.ids.map(() => "sent"));
    expect(simulator.stats.accepted).toBe(20);
    expect(await statuses(later.ids)).toEqual(later.ids.map(() => "submitted"));
    expect(await getQueue("smsNormal").getWaitingCount()).toBeGreaterThanOrEqual(1);
    expect((await checkLedger(batch.accountId)).problems).toEqual([]);
    await getQueue("smsNormal").obliterate({ force: true });
  });

  it("past the shutdown timeout the batch is released: its messages stay claimable and are all sent by the next worker", { timeout: 60_000 }, async () => {
    simulator.reset();
    simulator.updateConfig({ sendLatencyMs: 4_000 });
    const worker = startWorkerProcess(300);
    await waitFor(async () => worker.output.text.includes("ready"), 20_000, "the worker process to start");
    const batch = await campaignBatch(10, 200);
    await waitFor(async () => simulator.stats.sendRequests > 0, 15_000, "the batch's provider requests");

    const stopping = Date.now();
    worker.child.kill("SIGTERM");
    expect(await worker.exited).toBe(0);
    expect(Date.now() - stopping).toBeLessThan(3_000);
    expect(worker.output.text).toContain("released");

    // Nothing half-done: every message is sent or claimed (`queued`) — no other state, none lost.
    const after = await statuses(batch.ids);
    expect(after.every((status) => status === "sent" || status === "queued")).toBe(true);
    const queued = (await db.message.findMany({ where: { id: { in: batch.ids }, status: "queued" }, select: { id: true } })).map((message) => message.id);
    expect(queued.length).toBeGreaterThan(0);
    // The batch job running again takes none of them (no second claim by a batch)…
    expect(await markBatchQueued(batch.ids)).toEqual([]);
    expect(await db.messageDeadLetter.count({ where: { messageId: { in: queued }, resolvedAt: null } })).toBe(0);

    // …the reconciler's re-enqueue does, and the next worker sends each of them.
    simulator.updateConfig({ sendLatencyMs: 0 });
    const provider = createProvider({ kind: "simulator", baseUrl: simulator.url, timeoutMs: 5_000 });
    running.push(await startSending({ provider, concurrency: 5 }));
    expect(await requeueMessageSends(queued, "normal")).toBe(queued.length);
    await waitFor(async () => (await statuses(batch.ids)).every((status) => status === "sent"), 20_000, "every message to be sent");
    const attempts = await db.message.findMany({ where: { id: { in: queued } }, select: { attempts: true } });
    expect(attempts.every((message) => message.attempts === 2)).toBe(true);
    expect((await checkLedger(batch.accountId)).problems).toEqual([]);
  });
});
