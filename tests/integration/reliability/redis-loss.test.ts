import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as dlrCallback } from "@/app/api/callbacks/celcom/dlr/route";
import { POST as sendRoute } from "@/app/api/v1/messages/route";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { expandCampaign } from "@/lib/campaigns/expand-campaign";
import { importContactNumbers } from "@/lib/contacts/import-contacts";
import { checkLedger } from "@/lib/credits/check-ledger";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { createProvider } from "@/lib/providers";
import { countInboxJobs } from "@/lib/queue/durable-inbox";
import { getQueue, upsertSchedules } from "@/lib/queue/enqueue";
import { runWebhookRelay } from "@/lib/webhooks/run-relay";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";
import { createCelcomSimulator, type CelcomSimulator } from "@/simulators/celcom/create-celcom-simulator";
import { createTestAccount } from "@/tests/helpers/accounts";
import { callRoute } from "@/tests/helpers/http";
import { createTestMessage, waitFor } from "@/tests/helpers/messages";
import { assignNumber, postInbound, uniqueShortCode, waitForInbound } from "@/tests/helpers/two-way";
import { startWebhookReceiver, type WebhookReceiver } from "@/tests/helpers/webhook-receiver";
import { readyListOf, waitForListReady } from "@/tests/integration/campaigns/helpers";
import { agedInboxRows, existingSchedules, fastSchedules, inboxRows, loseRedisData } from "@/tests/integration/reliability/helpers";
import { startCampaigns } from "@/workers/campaigns";
import { startContacts } from "@/workers/contacts";
import { startDlr } from "@/workers/dlr";
import { startInbound } from "@/workers/inbound";
import { startMaintenance } from "@/workers/maintenance";
import type { Closeable } from "@/workers/runtime";
import { startScheduleKeeper } from "@/workers/schedules";
import { startSending } from "@/workers/sending";
import { startWebhooks } from "@/workers/webhooks";

let simulator: CelcomSimulator;
let receiver: WebhookReceiver;
const running: Closeable[] = [];

beforeAll(async () => {
  simulator = await createCelcomSimulator({ dlrEnabled: false });
  receiver = await startWebhookReceiver();
});

afterAll(async () => {
  for (const worker of running.reverse()) await worker.close();
  await simulator?.close();
  await receiver?.close();
});

const NUMBERS = ["0712000301", "0712000302", "0712000303", "0733000304", "0733000305", "0712000306", "0712000307"];

/** Work whose Redis jobs were lost looks, to Postgres, like this account's work untouched for a while. */
async function ageEverything(accountId: string, campaignIds: string[], listId: string, providerMessageId: string, moId: string) {
  await db.$executeRaw`UPDATE messages SET updated_at = now() - interval '2 hours' WHERE account_id = ${accountId}::uuid AND status IN ('submitted', 'queued')`;
  await db.$executeRaw`UPDATE contact_validation_runs SET updated_at = now() - interval '10 minutes' WHERE list_id = ${listId}::uuid`;
  await db.$executeRaw`UPDATE campaigns SET updated_at = now() - interval '10 minutes' WHERE id = ANY(${campaignIds}::uuid[])`;
  await db.$executeRaw`UPDATE webhook_deliveries SET next_attempt_at = now() - interval '1 hour' WHERE account_id = ${accountId}::uuid AND status = 'pending'`;
  const reports = await agedInboxRows("dlr_inbox", { reports: [{ messageid: providerMessageId }] });
  const inbound = await agedInboxRows("inbound_inbox", { providerMessageId: moId });
  expect([reports, inbound]).toEqual([1, 1]);
}

describe("Redis loses everything", () => {
  it("rebuilds every kind of pending work from Postgres, and every piece completes once", async () => {
    const account = await createTestAccount({ credits: 1_000_000 });
    // A ready list for the campaigns (validated by a worker that is stopped before the loss).
    const contacts = startContacts();
    const list = await readyListOf(account.accountId, NUMBERS, "Campaign list");
    await contacts.close();
    await createWebhookEndpoint(account.accountId, { url: receiver.url, events: ["*"] });
    // The worker started earlier and upserted its schedules; they are in Redis before the loss.
    await upsertSchedules({ everyMs: fastSchedules(300) });
    const allSchedules = await existingSchedules();
    expect(allSchedules.length).toBeGreaterThanOrEqual(10);

    // 1. A send accepted (202), its job only in Redis.
    const sendResponse = await callRoute<{ messageId: string }>(sendRoute, { apiKey: account.apiKey, body: { to: "+254712000399", from: account.senderId, body: "Your code is 1234" } });
    expect(sendResponse.status).toBe(202);
    const sentId = sendResponse.body.messageId;
    // 2. A DLR answered 200 before any worker applied it.
    const awaitingReport = await createTestMessage({ accountId: account.accountId, cost: 80 });
    const report = { description: "DeliveredToTerminal", messageid: awaitingReport.providerMessageId, timeTaken: "3s", timestamp: "2026-11-23 10:16:10" };
    const dlrResponse = await callRoute(dlrCallback, { path: "/api/callbacks/celcom/dlr", headers: { "x-callback-token": env.DLR_CALLBACK_TOKEN }, body: report });
    expect(dlrResponse.status).toBe(200);
    expect(await countInboxJobs("dlrInbound")).toBeGreaterThanOrEqual(1);
    // 3. An inbound message answered 200.
    const shortCode = uniqueShortCode();
    await assignNumber(account.accountId, shortCode);
    const moId = `mo-${Date.now()}`;
    expect((await postInbound({ from: "+254712000398", to: shortCode, message: "Habari", messageid: moId, timestamp: "2026-11-23 10:16:10" })).status).toBe(200);
    // 4. A validation run with its chunk jobs queued.
    const validating = await importContactNumbers(account.accountId, "Validating", NUMBERS);
    // 5. A campaign whose expansion died after its first chunk.
    const expanding = await createCampaign(account.accountId, { name: "Half expanded", from: account.senderId, body: "Sale today at Sema Mart", contactListId: list.id, priority: "normal" });
    await db.campaign.update({ where: { id: expanding.campaignId }, data: { status: "queued", queuedAt: new Date() } });
    await expect(
      expandCampaign(expanding.campaignId, {
        chunkSize: 3,
        concurrency: 1,
        onChunkCommitted: ({ messages }) => {
          if (messages >= 3) throw new Error("worker killed");
        },
      }),
    ).rejects.toThrow("worker killed");
    // 6. A scheduled campaign that falls due while Redis is empty.
    const scheduled = await createCampaign(account.accountId, { name: "Scheduled", from: account.senderId, body: "Karibu Sema Mart", contactListId: list.id, priority: "normal" });
    await db.campaign.update({ where: { id: scheduled.campaignId }, data: { status: "scheduled", sendAt: new Date(Date.now() - 1_000) } });
    // 7. Webhook deliveries handed to the queue (the relay ran), not yet delivered.
    await runWebhookRelay();
    const pendingDeliveries = await db.webhookDelivery.count({ where: { accountId: account.accountId, status: "pending" } });
    expect(pendingDeliveries).toBeGreaterThan(0);

    // Redis restarts empty.
    expect(await loseRedisData()).toBeGreaterThan(0);
    expect(await existingSchedules()).toEqual([]);
    expect(await getQueue("dlrInbound").getJobCounts("waiting")).toMatchObject({ waiting: 0 });
    await ageEverything(account.accountId, [expanding.campaignId], validating.contactListId, awaitingReport.providerMessageId!, moId);

    // The worker that was running all along: its processors, and the keeper of its schedules.
    running.push(
      await startSending({ provider: createProvider({ kind: "simulator", baseUrl: simulator.url, timeoutMs: 2_000 }), backoffMs: 50, concurrency: 5 }),
      startDlr({ batchWaitMs: 20 }),
      startWebhooks(),
      startContacts(),
      startCampaigns(),
      startInbound(),
      startMaintenance(),
      startScheduleKeeper({ intervalMs: 200 }),
    );

    // Periodic schedules exist again, and through them every reconciler runs.
    await waitFor(async () => (await existingSchedules()).length === allSchedules.length, 10_000, "job schedulers re-created");
    expect(await existingSchedules()).toEqual(allSchedules);

    await waitFor(async () => (await db.message.findUnique({ where: { id: sentId } }))?.status === "sent", 20_000, "the accepted send is sent");
    await waitFor(async () => (await db.message.findUnique({ where: { id: awaitingReport.id } }))?.status === "delivered", 20_000, "the acknowledged DLR is applied");
    await waitForInbound(moId);
    await waitForListReady(validating.contactListId);
    const expanded = await waitFor(
      async () => {
        const campaign = await db.campaign.findUniqueOrThrow({ where: { id: expanding.campaignId } });
        return campaign.expansionCursors.length === 0 && campaign.messageCount === NUMBERS.length ? campaign : null;
      },
      20_000,
      "the half-expanded campaign resumed",
    );
    expect(expanded.reservedAmount).toBe(0n);
    const recipients = await db.message.findMany({ where: { campaignId: expanding.campaignId }, select: { to: true } });
    expect(recipients).toHaveLength(NUMBERS.length);
    expect(new Set(recipients.map((message) => message.to)).size).toBe(NUMBERS.length);
    await waitFor(async () => (await db.message.count({ where: { campaignId: scheduled.campaignId } })) === NUMBERS.length, 20_000, "the scheduled campaign fired");
    await waitFor(async () => (await db.message.count({ where: { campaignId: expanding.campaignId, status: "sent" } })) === NUMBERS.length, 20_000, "campaign messages sent");
    await waitFor(async () => (await db.webhookDelivery.count({ where: { accountId: account.accountId, status: "pending" } })) === 0, 20_000, "webhook deliveries settled");
    expect(await db.webhookDelivery.count({ where: { accountId: account.accountId, status: "failed" } })).toBe(0);
    expect(receiver.requests.length).toBeGreaterThanOrEqual(pendingDeliveries);

    // Nothing left behind in the inboxes, nothing sent or charged twice.
    expect(await inboxRows("dlr_inbox", { reports: [{ messageid: awaitingReport.providerMessageId }] })).toBe(0);
    expect(await inboxRows("inbound_inbox", { providerMessageId: moId })).toBe(0);
    expect((await db.message.findUniqueOrThrow({ where: { id: sentId } })).attempts).toBe(1);
    expect(await db.inboundMessage.count({ where: { providerMessageId: moId } })).toBe(1);
    expect((await checkLedger(account.accountId)).problems).toEqual([]);
  }, 120_000);
});
