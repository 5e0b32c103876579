import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { checkLedger } from "@/lib/credits/check-ledger";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { expandCampaign } from "@/lib/campaigns/expand-campaign";
import { completeFinishedCampaigns } from "@/lib/campaigns/schedule-campaigns";
import { getQueue } from "@/lib/queue/enqueue";
import { createTestAccount } from "@/tests/helpers/accounts";
import { importContactsCsv } from "@/lib/contacts/import-contacts";
import { finishCampaignMessages, readyListOf, reservationBreakdown, waitForListReady } from "@/tests/integration/campaigns/helpers";
import { startContacts } from "@/workers/contacts";
import type { Closeable } from "@/workers/runtime";

let worker: Closeable;
beforeAll(() => {
  worker = startContacts();
});
afterAll(async () => {
  await worker.close();
});

const NUMBERS = ["0712000101", "0712000102", "0712000103", "0712000104", "0733000105", "0733000106", "0712000107"];

async function expectBooksBalanced(accountId: string) {
  expect((await checkLedger(accountId)).problems).toEqual([]);
  const breakdown = await reservationBreakdown(accountId);
  expect(breakdown.account).toBe(breakdown.held);
}

/** A campaign that passed its content check (status queued), ready for expansion. */
async function approvedCampaign(body: string, csv?: string) {
  const account = await createTestAccount({ credits: 100_000 });
  const list = csv
    ? await waitForListReady((await importContactsCsv(account.accountId, new Blob([csv]).stream(), { name: "Named", header: "auto" })).contactListId)
    : await readyListOf(account.accountId, NUMBERS);
  const created = await createCampaign(account.accountId, { name: "Chunked", from: account.senderId, body, contactListId: list.id, priority: "normal" });
  await db.campaign.update({ where: { id: created.campaignId }, data: { status: "queued", queuedAt: new Date() } });
  return { account, campaignId: created.campaignId, estimatedCost: created.estimatedCost };
}

async function batchJobIds(campaignId: string) {
  const jobs = await getQueue("smsNormal").getJobs(["waiting", "delayed", "prioritized"]);
  const ids = new Set(jobs.flatMap((job) => ("messageIds" in job.data ? (job.data.messageIds as string[]) : [])));
  const messages = await db.message.findMany({ where: { campaignId }, select: { id: true } });
  return messages.filter((message) => ids.has(message.id)).length;
}

/** Expands until `killAt` messages are committed, then fails as a killed worker would. */
async function expandUntilKilled(campaignId: string, options: { chunkSize: number; concurrency: number; killAt: number }) {
  await expect(
    expandCampaign(campaignId, {
      chunkSize: options.chunkSize,
      concurrency: options.concurrency,
      onChunkCommitted: ({ messages }) => {
        if (messages >= options.killAt) throw new Error("worker killed");
      },
    }),
  ).rejects.toThrow("worker killed");
}

describe("chunked campaign expansion", () => {
  it("commits chunk by chunk, enqueues batch jobs per chunk, and resumes after a crash without duplicates", async () => {
    const { account, campaignId } = await approvedCampaign("Sale today only at Sema Mart");

    await expandUntilKilled(campaignId, { chunkSize: 3, concurrency: 1, killAt: 3 });

    // The first chunk is committed, its jobs are in the queue, and the books balance mid-way.
    const halfway = await db.campaign.findUniqueOrThrow({ where: { id: campaignId } });
    expect(halfway).toMatchObject({ status: "queued", messageCount: 3 });
    expect(halfway.expansionCursors).toHaveLength(1);
    expect(halfway.reservedAmount).toBeGreaterThan(0n);
    expect(await db.message.count({ where: { campaignId } })).toBe(3);
    expect(await batchJobIds(campaignId)).toBe(3);
    await expectBooksBalanced(account.accountId);

    // Its messages all finishing must not complete a campaign that is still being expanded.
    await finishCampaignMessages(campaignId);
    expect(await completeFinishedCampaigns()).not.toContain(campaignId);
    await expectBooksBalanced(account.accountId);

    const resumed = await expandCampaign(campaignId, { chunkSize: 3 });
    expect(resumed).toMatchObject({ messages: 7, status: "queued", cost: 5 * 80 + 2 * 70 });
    const messages = await db.message.findMany({ where: { campaignId }, select: { to: true } });
    expect(new Set(messages.map((message) => message.to)).size).toBe(7);
    expect(await db.campaign.findUniqueOrThrow({ where: { id: campaignId } })).toMatchObject({ reservedAmount: 0n, expansionCursors: [], expansionEnds: [], messageCount: 7 });
    expect(await batchJobIds(campaignId)).toBe(7);
    await expectBooksBalanced(account.accountId);

    expect(await expandCampaign(campaignId)).toBeNull();
    expect(await db.message.count({ where: { campaignId } })).toBe(7);
  });

  it("expands slices in parallel, and two expanders at once (a duplicate job) still create each message once", async () => {
    const { account, campaignId } = await approvedCampaign("Sale today only at Sema Mart");
    const runs = await Promise.all([expandCampaign(campaignId, { chunkSize: 2, concurrency: 3 }), expandCampaign(campaignId, { chunkSize: 2, concurrency: 3 })]);
    // One of them finishes the campaign; the other finds nothing left (or loses every race).
    expect(runs.filter((run) => run !== null)).toEqual([expect.objectContaining({ messages: 7, status: "queued", cost: 5 * 80 + 2 * 70 })]);
    const messages = await db.message.findMany({ where: { campaignId }, select: { to: true } });
    expect(messages).toHaveLength(7);
    expect(new Set(messages.map((message) => message.to)).size).toBe(7);
    expect(await db.campaign.findUniqueOrThrow({ where: { id: campaignId } })).toMatchObject({ reservedAmount: 0n, expansionCursors: [], messageCount: 7 });
    expect(await batchJobIds(campaignId)).toBe(7);
    await expectBooksBalanced(account.accountId);
  });

  it("resumes every slice of a parallel expansion that crashed midway", async () => {
    const { account, campaignId } = await approvedCampaign("Sale today only at Sema Mart");
    await expandUntilKilled(campaignId, { chunkSize: 1, concurrency: 2, killAt: 3 });
    const halfway = await db.campaign.findUniqueOrThrow({ where: { id: campaignId } });
    expect(halfway.expansionCursors).toHaveLength(2);
    expect(halfway.messageCount).toBeLessThan(7);
    await expectBooksBalanced(account.accountId);

    expect(await expandCampaign(campaignId, { chunkSize: 2 })).toMatchObject({ messages: 7, status: "queued" });
    const messages = await db.message.findMany({ where: { campaignId }, select: { to: true } });
    expect(new Set(messages.map((message) => message.to)).size).toBe(7);
    expect(messages).toHaveLength(7);
    await expectBooksBalanced(account.accountId);
  });

  it("personalises in chunks and books the exact cost before the first chunk", async () => {
    const names = ["Amina", "Baraka", "x".repeat(150), "Zawadi", "Juma", "Neema", "Otieno"];
    const csv = `phone,name\n${NUMBERS.map((number, index) => `${number},${names[index]}`).join("\n")}\n`;
    const { account, campaignId, estimatedCost } = await approvedCampaign("Hi {{name}}, your parcel is waiting", csv);
    // The long name makes every message two segments in the estimate; only one really is.
    expect(estimatedCost).toBe(2 * (5 * 80 + 2 * 70));
    const result = await expandCampaign(campaignId, { chunkSize: 2 });
    expect(result).toMatchObject({ messages: 7, status: "queued", cost: 4 * 80 + 2 * 80 + 2 * 70 });
    const messages = await db.message.findMany({ where: { campaignId }, orderBy: { to: "asc" }, select: { body: true, segments: true } });
    expect(messages[0]).toEqual({ body: "Hi Amina, your parcel is waiting", segments: 1 });
    expect(messages.map((message) => message.segments)).toEqual([1, 1, 2, 1, 1, 1, 1]);
    const release = await db.ledgerEntry.findMany({ where: { campaignId, type: "release" } });
    expect(release.map((entry) => entry.amount)).toEqual([BigInt(estimatedCost - (4 * 80 + 2 * 80 + 2 * 70))]);
    await expectBooksBalanced(account.accountId);
  });
});
