import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { checkLedger } from "@/lib/credits/check-ledger";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { expandCampaign } from "@/lib/campaigns/expand-campaign";
import { createProvider } from "@/lib/providers";
import { createCelcomSimulator, type CelcomSimulator } from "@/simulators/celcom/create-celcom-simulator";
import type { SmsProvider } from "@/lib/providers/types";
import { getQueue } from "@/lib/queue/enqueue";
import { markBatchQueued } from "@/lib/messages/transitions/mark-queued";
import { SEND_COMMIT_GROUP_SIZE, sendMessageBatch } from "@/lib/sending/send-batch";
import { attemptSend } from "@/lib/sending/attempt-send";
import { createTestAccount } from "@/tests/helpers/accounts";
import { readyListOf, reservationBreakdown } from "@/tests/integration/campaigns/helpers";
import { startContacts } from "@/workers/contacts";
import { startSending } from "@/workers/sending";
import type { Closeable } from "@/workers/runtime";
import { messageWithEvents } from "@/tests/helpers/messages";

let simulator: CelcomSimulator;
let provider: SmsProvider;
let contacts: Closeable;

beforeAll(async () => {
  contacts = startContacts();
  simulator = await createCelcomSimulator({
    dlrEnabled: false,
    rules: [
      { mobileSuffix: "712300002", fail: { code: 1005 }, failTimes: 1 },
      { mobileSuffix: "712300003", fail: { code: 1003 } },
      { mobileSuffix: "712300004", fail: { http: 500 } },
      { mobileSuffix: "712300013", fail: { code: 1003 } },
      { mobileSuffix: "712300022", fail: { code: 1005 }, failTimes: 1 },
    ],
  });
  provider = createProvider({ kind: "simulator", baseUrl: simulator.url, timeoutMs: 2_000 });
});

afterAll(async () => {
  await contacts?.close();
  await simulator?.close();
});

/** Expands a campaign over `numbers`: its messages are `submitted` and their batch jobs enqueued. */
async function campaignMessages(numbers: string[], credits = 10_000) {
  const account = await createTestAccount({ credits });
  const list = await readyListOf(account.accountId, numbers);
  const created = await createCampaign(account.accountId, { name: "Batch", from: account.senderId, body: "Your parcel is waiting", contactListId: list.id, priority: "normal" });
  await db.campaign.update({ where: { id: created.campaignId }, data: { status: "queued", queuedAt: new Date() } });
  await expandCampaign(created.campaignId);
  const messages = await db.message.findMany({ where: { campaignId: created.campaignId }, select: { id: true, to: true } });
  const byNumber = Object.fromEntries(messages.map((message) => [message.to, message.id]));
  return { account, ids: messages.map((message) => message.id), byNumber };
}

async function expectBooksBalanced(accountId: string) {
  expect((await checkLedger(accountId)).problems).toEqual([]);
  const breakdown = await reservationBreakdown(accountId);
  expect(breakdown.account).toBe(breakdown.held);
}

const options = { maxAttempts: 3, backoffMs: 50, priority: "normal" as const, useProviderBatch: false };

describe("batch send jobs, run directly", () => {
  afterAll(async () => {
    // The campaigns' own batch jobs were never run here; the worker tests below start clean.
    await getQueue("smsNormal").obliterate({ force: true });
  });

  it("claims only untouched submitted messages, and each only once", async () => {
    const { ids, byNumber } = await campaignMessages(["0712300101", "0712300102", "0712300103"]);
    // The reconciler took this one over (it touches updated_at): the batch must leave it alone.
    await db.$executeRaw`UPDATE messages SET updated_at = now() + interval '1 second' WHERE id = ${byNumber["+254712300103"]}::uuid`;

    const claimed = await markBatchQueued(ids);
    expect(claimed.map((message) => message.id).sort()).toEqual([byNumber["+254712300101"], byNumber["+254712300102"]].sort());
    expect(claimed.every((message) => message.attempts === 1)).toBe(true);
    const first = await messageWithEvents(byNumber["+254712300101"]);
    expect(first.status).toBe("queued");
    expect(first.events.map((event) => event.status)).toEqual(["submitted", "queued"]);
    expect(await markBatchQueued(ids)).toEqual([]);
    expect((await db.message.findUniqueOrThrow({ where: { id: byNumber["+254712300103"] } })).status).toBe("submitted");
  });

  it("sends a batch, records sent and failed in bulk with refunds, and retries one as a single-message job", async () => {
    const { account, ids, byNumber } = await campaignMessages(["0712300001", "0712300011", "0712300002", "0712300003"]);
    const summary = await sendMessageBatch(ids, { ...options, provider });
    expect(summary).toEqual({ requested: 4, claimed: 4, sent: 2, retrying: 1, deadLettered: 0, failed: 1 });

    for (const number of ["+254712300001", "+254712300011"]) {
      const message = await messageWithEvents(byNumber[number]);
      expect(message).toMatchObject({ status: "sent", attempts: 1, chargeState: "reserved", provider: provider.name });
      expect(message.providerMessageId).toMatch(/^\d+$/);
      expect(message.sentAt).not.toBeNull();
      expect(message.events.map((event) => event.status)).toEqual(["submitted", "queued", "sent"]);
      expect(message.events[2].data).toMatchObject({ attempt: 1, providerMessageId: message.providerMessageId });
    }

    const failed = await db.message.findUniqueOrThrow({ where: { id: byNumber["+254712300003"] } });
    // Celcom refusing the number itself: refused after acceptance, so `rejected` (message.rejected), refunded.
    expect(failed).toMatchObject({ status: "rejected", chargeState: "released", attempts: 1 });
    expect(failed.statusReason).toContain("celcom_1003");
    const refund = await db.ledgerEntry.findFirst({ where: { messageId: failed.id, type: "release" } });
    expect(refund?.amount).toBe(BigInt(failed.cost));

    const retryId = byNumber["+254712300002"];
    const retrying = await messageWithEvents(retryId);
    expect(retrying).toMatchObject({ status: "queued", attempts: 1, chargeState: "reserved" });
    expect(retrying.events.at(-1)?.reason).toContain("attempt 1 failed, will retry");
    const job = await getQueue("smsNormal").getJob(retryId);
    expect(job?.data).toEqual({ messageId: retryId });
    expect(job?.opts.attempts).toBe(2);
    expect(await job?.isDelayed()).toBe(true);
    await expectBooksBalanced(account.accountId);

    // The retry job runs as the worker would run it: the message's own count says attempt 2.
    expect(await attemptSend(retryId, { provider, maxAttempts: 3, lastJobAttempt: false })).toMatchObject({ kind: "sent" });
    expect(await db.message.findUniqueOrThrow({ where: { id: retryId } })).toMatchObject({ status: "sent", attempts: 2 });
    // Running the batch again claims and sends nothing.
    const accepted = simulator.stats.accepted;
    expect(await sendMessageBatch(ids, { ...options, provider })).toMatchObject({ claimed: 0, sent: 0 });
    expect(simulator.stats.accepted).toBe(accepted);
    await expectBooksBalanced(account.accountId);
  });

  it("goes through the provider's bulk endpoint in one request when asked to", async () => {
    const { account, ids, byNumber } = await campaignMessages(["0712300012", "0712300013", "0712300014"]);
    const requests = simulator.stats.sendRequests;
    expect(await sendMessageBatch(ids, { ...options, provider, useProviderBatch: true })).toMatchObject({ claimed: 3, sent: 2, failed: 1 });
    expect(simulator.stats.sendRequests - requests).toBe(1);
    expect((await db.message.findUniqueOrThrow({ where: { id: byNumber["+254712300013"] } })).status).toBe("rejected");
    await expectBooksBalanced(account.accountId);
  });

  it("records each commit group as soon as the provider answered it: a slow request holds back only its own group", async () => {
    const numbers = Array.from({ length: SEND_COMMIT_GROUP_SIZE + 5 }, (_, index) => `07124${String(index).padStart(5, "0")}`);
    const { account, ids } = await campaignMessages(numbers);
    let releaseSlowGroup!: () => void;
    const slowGroupAnswered = new Promise<void>((resolve) => (releaseSlowGroup = resolve));
    let slowGroup: string[] = [];
    // The provider answers the first group at once and holds the second until the test lets it go.
    const gated: SmsProvider = {
      name: provider.name,
      send: (message) => provider.send(message),
      async sendBatch(messages) {
        if (messages.length < SEND_COMMIT_GROUP_SIZE) {
          slowGroup = messages.map((message) => message.messageId);
          await slowGroupAnswered;
        }
        return Promise.all(messages.map((message) => provider.send(message)));
      },
    };
    const running = sendMessageBatch(ids, { ...options, provider: gated, useProviderBatch: true });

    await vi.waitFor(async () => expect(await db.message.count({ where: { id: { in: ids }, status: "sent" } })).toBe(SEND_COMMIT_GROUP_SIZE), { timeout: 10_000 });
    expect(slowGroup).toHaveLength(5);
    // The answered group is sent with its attempt recorded (one statement), the held one still queued with none.
    const fastGroup = ids.filter((id) => !slowGroup.includes(id));
    expect(await db.sendAttempt.count({ where: { messageId: { in: fastGroup }, outcome: "sent" } })).toBe(SEND_COMMIT_GROUP_SIZE);
    expect(await db.message.count({ where: { id: { in: slowGroup }, status: "queued" } })).toBe(5);
    expect(await db.sendAttempt.count({ where: { messageId: { in: slowGroup } } })).toBe(0);

    releaseSlowGroup();
    expect(await running).toMatchObject({ claimed: SEND_COMMIT_GROUP_SIZE + 5, sent: SEND_COMMIT_GROUP_SIZE + 5 });
    expect(await db.sendAttempt.count({ where: { messageId: { in: ids }, outcome: "sent" } })).toBe(SEND_COMMIT_GROUP_SIZE + 5);
    await expectBooksBalanced(account.accountId);
  });

  it("sends a batch of more groups than the process may have at the provider, never more than SEND_GROUPS_IN_FLIGHT at once", async () => {
    const count = SEND_COMMIT_GROUP_SIZE * (env.SEND_GROUPS_IN_FLIGHT + 3);
    const numbers = Array.from({ length: count }, (_, index) => `07126${String(index).padStart(5, "0")}`);
    const { account, ids } = await campaignMessages(numbers, count * 100);
    let inFlight = 0;
    let most = 0;
    const counting: SmsProvider = {
      name: provider.name,
      send: (message) => provider.send(message),
      async sendBatch(messages) {
        most = Math.max(most, ++inFlight);
        try {
          await new Promise((resolve) => setTimeout(resolve, 20));
          return await Promise.all(messages.map((message) => provider.send(message)));
        } finally {
          inFlight--;
        }
      },
    };
    expect(await sendMessageBatch(ids, { ...options, provider: counting, useProviderBatch: true })).toMatchObject({ claimed: count, sent: count });
    expect(most).toBe(env.SEND_GROUPS_IN_FLIGHT);
    await expectBooksBalanced(account.accountId);
  });

  it("does not count claims cut short by a dead worker as tries: only tries with a recorded outcome use up the budget", async () => {
    const { account, ids } = await campaignMessages(["0712300024"]);
    // Two earlier claims died before the provider answered (nothing recorded); the message's own updated_at is left as created.
    await db.$executeRaw`UPDATE messages SET attempts = 2 WHERE id = ${ids[0]}::uuid`;
    const failing: SmsProvider = { name: provider.name, send: (message) => provider.send({ ...message, to: "+254712300004" }) };
    expect(await sendMessageBatch(ids, { ...options, provider: failing, maxAttempts: 3 })).toMatchObject({ claimed: 1, retrying: 1, deadLettered: 0 });
    expect(await db.messageDeadLetter.count({ where: { messageId: ids[0] } })).toBe(0);
    const retry = await getQueue("smsNormal").getJob(ids[0]);
    // One try reached the provider: two are left.
    expect(retry?.opts.attempts).toBe(2);
    await retry?.remove();
    await expectBooksBalanced(account.accountId);
  });

  it("parks a retryable error in the dead-letter queue when the message has used its attempts, credit still reserved", async () => {
    const { account, ids } = await campaignMessages(["0712300004"]);
    expect(await sendMessageBatch(ids, { ...options, provider, maxAttempts: 1 })).toMatchObject({ claimed: 1, retrying: 0, deadLettered: 1, failed: 0 });
    const message = await db.message.findUniqueOrThrow({ where: { id: ids[0] } });
    expect(message).toMatchObject({ status: "queued", chargeState: "reserved", attempts: 1 });
    const parked = await db.messageDeadLetter.findFirstOrThrow({ where: { messageId: ids[0], resolvedAt: null } });
    expect(parked).toMatchObject({ reason: "provider_http_5xx", attempts: 1, accountId: account.accountId });
    expect(await getQueue("smsNormal").getJob(ids[0])).toBeUndefined();
    await expectBooksBalanced(account.accountId);
  });
});

describe("batch send jobs through the sending worker", () => {
  let sending: Closeable;
  beforeAll(async () => {
    sending = await startSending({ provider, backoffMs: 50, maxAttempts: 3, concurrency: 5 });
  });
  afterAll(async () => {
    await sending?.close();
  });

  it("sends an expanded campaign from its batch jobs, retrying a failure as a single-message job", async () => {
    const { account, ids, byNumber } = await campaignMessages(["0712300021", "0712300022", "0733300023"]);
    await vi.waitFor(
      async () => {
        const statuses = await db.message.findMany({ where: { id: { in: ids } }, select: { status: true } });
        if (!statuses.every((message) => message.status === "sent")) throw new Error("not all sent yet");
      },
      { timeout: 15_000, interval: 100 },
    );
    expect(await db.message.findUniqueOrThrow({ where: { id: byNumber["+254712300022"] } })).toMatchObject({ attempts: 2 });
    expect(await db.message.findUniqueOrThrow({ where: { id: byNumber["+254712300021"] } })).toMatchObject({ attempts: 1 });
    await expectBooksBalanced(account.accountId);
  });
});
