import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as sendRoute } from "@/app/api/v1/messages/route";
import { checkLedger } from "@/lib/credits/check-ledger";
import { db } from "@/lib/db";
import { prepareMessage } from "@/lib/messages/prepare-message";
import { createMessage } from "@/lib/messages/transitions/create-message";
import { createProvider } from "@/lib/providers";
import { createCelcomSimulator, type CelcomSimulator } from "@/simulators/celcom/create-celcom-simulator";
import { getQueue } from "@/lib/queue/enqueue";
import { reconcileStuckMessages } from "@/lib/sending/reconcile-messages";
import { sendJobOptions } from "@/lib/sending/send-jobs";
import { attemptSend } from "@/lib/sending/attempt-send";
import type { MessageStatus } from "@/lib/generated/prisma/enums";
import { createTestAccount, type TestAccount } from "@/tests/helpers/accounts";
import { callRoute } from "@/tests/helpers/http";
import { startSending } from "@/workers/sending";
import type { Closeable } from "@/workers/runtime";
import { messageWithEvents, waitFor } from "@/tests/helpers/messages";

let simulator: CelcomSimulator;
let sending: Closeable;

// Each test sends to its own number; simulator rules match on the number's last digits.
const OK = "+254712000001";
const RETRY_ONCE = "+254712000002";
const INVALID_MOBILE = "+254712000003";
const ALWAYS_500 = "+254712000004";
const RECONCILED = "+254712000005";
const RECONCILED_PRIORITY = "+254712000006";

beforeAll(async () => {
  simulator = await createCelcomSimulator({
    dlrEnabled: false,
    rules: [
      { mobileSuffix: "712000002", fail: { code: 1005 }, failTimes: 1 },
      { mobileSuffix: "712000003", fail: { code: 1003 } },
      { mobileSuffix: "712000004", fail: { http: 500 } },
    ],
  });
  const provider = createProvider({ kind: "simulator", baseUrl: simulator.url, timeoutMs: 2_000 });
  sending = await startSending({ provider, backoffMs: 50, maxAttempts: 3, concurrency: 5 });
});

afterAll(async () => {
  await sending?.close();
  await simulator?.close();
});

async function send(account: TestAccount, to: string, extra: Record<string, unknown> = {}): Promise<string> {
  const response = await callRoute<{ messageId: string }>(sendRoute, {
    apiKey: account.apiKey,
    body: { to, from: account.senderId, body: "Your code is 1234", ...extra },
  });
  expect(response.status).toBe(202);
  return response.body.messageId;
}

async function waitForStatus(messageId: string, statuses: MessageStatus[], timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const message = await messageWithEvents(messageId);
    if (statuses.includes(message.status)) return message;
    if (Date.now() > deadline) throw new Error(`message ${messageId} is ${message.status}, expected ${statuses.join("|")}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("sending worker", () => {
  it("sends a message: queued, then sent with the provider's message id; the reservation stays held", async () => {
    const account = await createTestAccount({ credits: 1_000 });
    const id = await send(account, OK);
    const message = await waitForStatus(id, ["sent"]);
    expect(message.provider).toBe("celcom");
    expect(message.providerMessageId).toMatch(/^\d+$/);
    expect(message.attempts).toBe(1);
    expect(message.sentAt).not.toBeNull();
    expect(message.chargeState).toBe("reserved");
    expect(message.events.map((event) => [event.status, event.source])).toEqual([
      ["submitted", "api"],
      ["queued", "worker"],
      ["sent", "worker"],
    ]);
    const books = await checkLedger(account.accountId);
    expect(books.problems).toEqual([]);
    expect(books.account.reserved).toBe(80n);
  });

  it("retries a retryable provider error and then succeeds", async () => {
    const account = await createTestAccount();
    const id = await send(account, RETRY_ONCE);
    const message = await waitForStatus(id, ["sent", "failed"]);
    expect(message.status).toBe("sent");
    expect(message.attempts).toBe(2);
    const retry = message.events.find((event) => event.status === "queued" && event.reason?.includes("will retry"));
    expect(retry?.reason).toContain("celcom_1005");
    expect((await checkLedger(account.accountId)).problems).toEqual([]);
  });

  it("rejects a message the provider refuses for good (invalid number) at once and refunds the reservation", async () => {
    const account = await createTestAccount({ credits: 1_000 });
    const id = await send(account, INVALID_MOBILE);
    const message = await waitForStatus(id, ["failed", "rejected", "sent"]);
    expect(message.status).toBe("rejected");
    expect(message.attempts).toBe(1);
    expect(message.statusReason).toContain("celcom_1003");
    expect(message.chargeState).toBe("released");
    expect(message.completedAt).not.toBeNull();
    expect(message.events.at(-1)).toMatchObject({ status: "rejected", source: "worker" });
    const books = await checkLedger(account.accountId);
    expect(books.problems).toEqual([]);
    expect(books.account.balance).toBe(1_000n);
    expect(books.ledger.release).toBe(80n);
  });

  it("parks a message in the dead-letter queue after the last retry of a retryable error, its credit still reserved", async () => {
    const account = await createTestAccount({ credits: 500 });
    const id = await send(account, ALWAYS_500);
    await waitFor(() => db.messageDeadLetter.findFirst({ where: { messageId: id, resolvedAt: null } }), 15_000, "the message to be parked");
    const message = await messageWithEvents(id);
    expect(message).toMatchObject({ status: "queued", attempts: 3, chargeState: "reserved" });
    expect(message.events.at(-1)).toMatchObject({ status: "queued", source: "worker" });
    expect(message.events.at(-1)?.reason).toContain("provider_http_5xx");
    const books = await checkLedger(account.accountId);
    expect(books.problems).toEqual([]);
    expect(books.account.reserved).toBe(80n);
  });

  it("never sends a message twice when its job runs again after it was sent", async () => {
    const account = await createTestAccount();
    const id = await send(account, OK);
    const sent = await waitForStatus(id, ["sent"]);
    const acceptedBefore = simulator.stats.accepted;
    const provider = createProvider({ kind: "simulator", baseUrl: simulator.url });
    const again = await attemptSend(id, { provider, maxAttempts: 3, lastJobAttempt: false });
    expect(again).toEqual({ kind: "skipped" });
    expect(simulator.stats.accepted).toBe(acceptedBefore);
    const after = await db.message.findUniqueOrThrow({ where: { id } });
    expect(after).toMatchObject({ status: "sent", attempts: sent.attempts, providerMessageId: sent.providerMessageId });
  });
});

describe("reconciler", () => {
  async function backdate(messageId: string) {
    await db.$executeRaw`UPDATE messages SET updated_at = now() - interval '2 hours' WHERE id = ${messageId}::uuid`;
  }

  it("recovers a message whose job was deleted from Redis", async () => {
    const account = await createTestAccount();
    const prepared = await prepareMessage(account.accountId, { to: RECONCILED, from: account.senderId, body: "lost job" });
    const submitted = await createMessage(prepared, { accountId: account.accountId, priority: "normal" });
    // A delayed job cannot be picked up by a worker, so it can be deleted before anything runs it.
    const queue = getQueue("smsNormal");
    await queue.add("sms.normal", { messageId: submitted.messageId }, { ...sendJobOptions(submitted.messageId), delay: 600_000 });
    await (await queue.getJob(submitted.messageId))!.remove();
    expect(await queue.getJob(submitted.messageId)).toBeUndefined();
    await backdate(submitted.messageId);

    const result = await reconcileStuckMessages({ olderThanSeconds: 3_600 });
    expect(result.reenqueued).toBeGreaterThanOrEqual(1);
    const message = await waitForStatus(submitted.messageId, ["sent"]);
    expect(message.attempts).toBe(1);
    expect((await checkLedger(account.accountId)).problems).toEqual([]);
  });

  it("leaves a message alone while its job still exists, so nothing is sent twice", async () => {
    const account = await createTestAccount();
    const prepared = await prepareMessage(account.accountId, { to: RECONCILED_PRIORITY, from: account.senderId, body: "slow job" });
    const submitted = await createMessage(prepared, { accountId: account.accountId, priority: "high" });
    const queue = getQueue("smsPriority");
    await queue.add("sms.priority", { messageId: submitted.messageId }, { ...sendJobOptions(submitted.messageId), delay: 600_000 });
    await backdate(submitted.messageId);

    await reconcileStuckMessages({ olderThanSeconds: 3_600 });
    const job = await queue.getJob(submitted.messageId);
    expect(await job?.isDelayed()).toBe(true);
    const message = await db.message.findUniqueOrThrow({ where: { id: submitted.messageId } });
    expect(message.status).toBe("submitted");
    await job?.remove();
  });
});
