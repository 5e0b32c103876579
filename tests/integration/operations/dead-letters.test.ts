import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as sendRoute } from "@/app/api/v1/messages/route";
import { GET as getMessageRoute } from "@/app/api/v1/messages/[id]/route";
import { checkLedger } from "@/lib/credits/check-ledger";
import { db } from "@/lib/db";
import { discardDeadLetterMessages, expireDeadLetters } from "@/lib/dead-letters/discard-dead-letters";
import { deadLetterSummary } from "@/lib/dead-letters/list-dead-letters";
import { replayDeadLetterMessages } from "@/lib/dead-letters/replay-dead-letters";
import { runWithContext, type Actor } from "@/lib/observability/request-context";
import { createProvider } from "@/lib/providers";
import { createCelcomSimulator, type CelcomSimulator } from "@/simulators/celcom/create-celcom-simulator";
import { getQueue } from "@/lib/queue/enqueue";
import { reconcileStuckMessages } from "@/lib/sending/reconcile-messages";
import { createTestAccount, type TestAccount } from "@/tests/helpers/accounts";
import { callRoute } from "@/tests/helpers/http";
import { messageWithEvents, waitFor } from "@/tests/helpers/messages";
import type { Closeable } from "@/workers/runtime";
import { startSending } from "@/workers/sending";

const run = promisify(execFile);

// A provider name of this file's own, so its replays, discards and counts never touch the messages
// other test files (sharing the database) park.
const PROVIDER = "celcom-dlq-test";
const OPERATOR: Actor = { type: "operator", id: null, label: "cli:dlq-test", accountId: null };

let simulator: CelcomSimulator;
let sending: Closeable;

beforeAll(async () => {
  simulator = await createCelcomSimulator({ dlrEnabled: false });
  const provider = createProvider({ kind: "simulator", baseUrl: simulator.url, timeoutMs: 2_000, name: PROVIDER });
  sending = await startSending({ provider, backoffMs: 30, maxAttempts: 3, concurrency: 5 });
});

afterEach(() => {
  simulator.updateConfig({ outage: "off" });
});

afterAll(async () => {
  await sending?.close();
  await simulator?.close();
});

async function send(account: TestAccount, to: string): Promise<string> {
  const response = await callRoute<{ messageId: string }>(sendRoute, { apiKey: account.apiKey, body: { to, from: account.senderId, body: "Your code is 4321" } });
  expect(response.status).toBe(202);
  return response.body.messageId;
}

function openDeadLetter(messageId: string) {
  return db.messageDeadLetter.findFirst({ where: { messageId, resolvedAt: null } });
}

async function parkedDuringOutage(account: TestAccount, to: string): Promise<string> {
  simulator.updateConfig({ outage: "503" });
  const id = await send(account, to);
  await waitFor(() => openDeadLetter(id), 15_000, "the message to be dead-lettered");
  return id;
}

async function waitForStatus(id: string, status: string) {
  return waitFor(async () => {
    const message = await messageWithEvents(id);
    return message.status === status ? message : null;
  }, 15_000, `message ${id} to be ${status}`);
}

/** `npx smsctl …` as an operator runs it, against this run's database and queues. */
async function smsctl(...args: string[]): Promise<Record<string, unknown>> {
  const { stdout } = await run("node", ["scripts/smsctl.mjs", ...args], { env: { ...process.env, LOG_LEVEL: "silent" } });
  return JSON.parse(stdout) as Record<string, unknown>;
}

describe("dead-letter queue", () => {
  it("parks a message while every provider is down, keeps it pending and reserved, and a replay after recovery sends it", async () => {
    const account = await createTestAccount({ credits: 1_000 });
    const id = await parkedDuringOutage(account, "+254712400001");

    const parked = await messageWithEvents(id);
    expect(parked).toMatchObject({ status: "queued", attempts: 3, chargeState: "reserved", completedAt: null });
    expect(parked.events.at(-1)?.reason).toContain("provider_http_5xx");
    // The customer sees a pending message, never a failure that later turns into a success.
    const seen = await callRoute<{ status: string }>(getMessageRoute, { apiKey: account.apiKey, params: { id } });
    expect(seen.body.status).toBe("queued");
    const books = await checkLedger(account.accountId);
    expect(books.problems).toEqual([]);
    expect(books.account.reserved).toBe(80n);
    // The reconciler leaves it to the operators (or the expiry) instead of sending it again.
    await db.$executeRaw`UPDATE messages SET updated_at = now() - interval '2 hours' WHERE id = ${id}::uuid`;
    await reconcileStuckMessages({ olderThanSeconds: 3_600 });
    expect(await getQueue("smsNormal").getJob(id)).toBeUndefined();

    const listed = await smsctl("dlq", "list", "--provider", PROVIDER);
    expect(listed.items).toEqual(expect.arrayContaining([expect.objectContaining({ messageId: id, provider: PROVIDER, reason: "provider_http_5xx", attempts: 3 })]));
    expect(listed.byReason).toEqual(expect.arrayContaining([expect.objectContaining({ provider: PROVIDER, reason: "provider_http_5xx" })]));
    expect(JSON.stringify(listed)).not.toContain("+254712400001");

    simulator.updateConfig({ outage: "off" });
    const replay = await smsctl("dlq", "replay", "--limit", "500", "--provider", PROVIDER);
    expect(replay.messageIds).toContain(id);
    const sent = await waitForStatus(id, "sent");
    expect(sent.attempts).toBe(4);
    expect(sent.events.map((event) => event.reason ?? "")).toEqual(expect.arrayContaining([expect.stringContaining("Sending again")]));
    expect(await db.messageDeadLetter.findFirstOrThrow({ where: { messageId: id } })).toMatchObject({ resolution: "replayed", resolvedBy: expect.stringMatching(/^cli:/) });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "dead_letter.replay", requestId: { not: null } }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ actorType: "operator", actorLabel: expect.stringMatching(/^cli:/), accountId: null });
    expect((audit.after as { messageIds: string[] }).messageIds).toContain(id);
    expect((await checkLedger(account.accountId)).problems).toEqual([]);
  });

  it("gives a replayed message a new round of attempts, and parks it again if the outage goes on", async () => {
    const account = await createTestAccount({ credits: 1_000 });
    const id = await parkedDuringOutage(account, "+254712400002");
    const first = await openDeadLetter(id);
    const replayed = await runWithContext({ requestId: "req_dlq_again", actor: OPERATOR }, () => replayDeadLetterMessages({ provider: PROVIDER, limit: 500 }));
    expect(replayed.messageIds).toContain(id);
    const second = await waitFor(async () => {
      const open = await openDeadLetter(id);
      return open && open.id !== first?.id ? open : null;
    }, 15_000, "the message to be parked again");
    expect(second.attempts).toBe(6);
    expect(await db.messageDeadLetter.count({ where: { messageId: id } })).toBe(2);
    await runWithContext({ requestId: "req_dlq_cleanup", actor: OPERATOR }, () => discardDeadLetterMessages({ provider: PROVIDER, limit: 500 }));
  });

  it("discards: the message fails, its credit is refunded, the timeline and the audit log say so", async () => {
    const account = await createTestAccount({ credits: 1_000 });
    const id = await parkedDuringOutage(account, "+254712400003");
    const summary = await deadLetterSummary();
    expect(summary.byReason.find((row) => row.provider === PROVIDER)?.count).toBeGreaterThanOrEqual(1);

    const result = await runWithContext({ requestId: "req_dlq_discard", actor: OPERATOR }, () => discardDeadLetterMessages({ provider: PROVIDER, limit: 500 }));
    expect(result.discarded).toBeGreaterThanOrEqual(1);
    const message = await messageWithEvents(id);
    expect(message).toMatchObject({ status: "failed", chargeState: "released" });
    expect(message.statusReason).toContain("discarded");
    expect(message.events.at(-1)).toMatchObject({ status: "failed", source: "operator" });
    const books = await checkLedger(account.accountId);
    expect(books.problems).toEqual([]);
    expect(books.account).toMatchObject({ balance: 1_000n, reserved: 0n });
    expect(await db.auditEvent.findFirst({ where: { action: "dead_letter.discard", requestId: "req_dlq_discard" } })).toMatchObject({ actorType: "operator" });
    // A message that is no longer parked is not discarded twice.
    expect((await runWithContext({ requestId: "req_dlq_again2", actor: OPERATOR }, () => discardDeadLetterMessages({ provider: PROVIDER, limit: 500 }))).discarded).toBe(0);
  });

  it("fails and refunds dead letters older than the retention period, and keeps younger ones", async () => {
    const account = await createTestAccount({ credits: 1_000 });
    const old = await parkedDuringOutage(account, "+254712400004");
    const young = await parkedDuringOutage(account, "+254712400005");
    await db.$executeRaw`UPDATE message_dead_letters SET parked_at = now() - interval '25 hours' WHERE message_id = ${old}::uuid`;

    const { expired } = await expireDeadLetters({ olderThanHours: 24 });
    expect(expired).toBeGreaterThanOrEqual(1);
    expect(await messageWithEvents(old)).toMatchObject({ status: "failed", chargeState: "released" });
    expect(await db.messageDeadLetter.findFirstOrThrow({ where: { messageId: old } })).toMatchObject({ resolution: "expired" });
    expect(await messageWithEvents(young)).toMatchObject({ status: "queued", chargeState: "reserved" });
    expect(await openDeadLetter(young)).not.toBeNull();
    const books = await checkLedger(account.accountId);
    expect(books.problems).toEqual([]);
    expect(books.account.reserved).toBe(80n);
    expect(await db.auditEvent.findFirst({ where: { action: "dead_letter.expire" }, orderBy: { id: "desc" } })).toMatchObject({ actorType: "system" });
    await runWithContext({ requestId: "req_dlq_cleanup2", actor: OPERATOR }, () => discardDeadLetterMessages({ provider: PROVIDER, limit: 500 }));
  });

  it("ends a permanent provider refusal at once (rejected: the number is invalid), without parking it", async () => {
    simulator.updateConfig({ rules: [{ mobileSuffix: "712400006", fail: { code: 1003 } }] });
    const account = await createTestAccount({ credits: 1_000 });
    const id = await send(account, "+254712400006");
    const message = await waitForStatus(id, "rejected");
    expect(message.attempts).toBe(1);
    expect(await db.messageDeadLetter.count({ where: { messageId: id } })).toBe(0);
  });
});
