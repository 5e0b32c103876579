import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { checkLedger } from "@/lib/credits/check-ledger";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { createReviewedCampaign, ESTIMATE_CHANGED_MESSAGE, reviewCampaignEstimate } from "@/lib/campaigns/create-reviewed-campaign";
import { countRetryableRecipients, retryFailedMessages } from "@/lib/campaigns/retry-failed-messages";
import { reviewCampaignContent } from "@/lib/campaigns/review-campaign-content";
import { completeFinishedCampaigns } from "@/lib/campaigns/schedule-campaigns";
import { createTestAccount } from "@/tests/helpers/accounts";
import { startContacts } from "@/workers/contacts";
import type { Closeable } from "@/workers/runtime";
import { finishCampaignMessages, readyListOf, reservationBreakdown } from "./helpers";

let worker: Closeable;
beforeAll(() => {
  worker = startContacts();
});
afterAll(async () => {
  await worker.close();
});

const NUMBERS = ["0712100001", "0712100002", "0712100003", "0712100004", "0733100001", "0733100002"];

async function expectBooksBalanced(accountId: string) {
  expect((await checkLedger(accountId)).problems).toEqual([]);
  const breakdown = await reservationBreakdown(accountId);
  expect(breakdown.account).toBe(breakdown.held);
}

/** A campaign sent to NUMBERS whose messages 1 and 4 (in id order) failed, the rest delivered. */
async function finishedCampaign(credits = 100_000) {
  const account = await createTestAccount({ credits });
  const list = await readyListOf(account.accountId, NUMBERS);
  const { campaignId } = await createCampaign(account.accountId, { name: "Promo", from: account.senderId, body: "Sale today", contactListId: list.id, priority: "normal" });
  await reviewCampaignContent(campaignId);
  await finishCampaignMessages(campaignId, 3);
  expect(await completeFinishedCampaigns()).toContain(campaignId);
  return { account, campaignId };
}

describe("retry failed campaign messages", () => {
  it("sends the failed recipients again with credits reserved, once, and keeps the books balanced", async () => {
    const { account, campaignId } = await finishedCampaign();
    const failed = await db.message.findMany({ where: { campaignId, status: "failed" }, select: { to: true, cost: true } });
    expect(failed).toHaveLength(2);
    expect(await countRetryableRecipients(account.accountId, campaignId)).toBe(2);
    const before = await db.account.findUniqueOrThrow({ where: { id: account.accountId }, select: { balance: true, reserved: true } });

    const outcome = await retryFailedMessages(account.accountId, campaignId);
    const cost = failed.reduce((sum, message) => sum + message.cost, 0);
    expect(outcome).toEqual({ messages: 2, cost });
    const after = await db.account.findUniqueOrThrow({ where: { id: account.accountId }, select: { balance: true, reserved: true } });
    expect(after.balance).toBe(before.balance - BigInt(cost));
    expect(after.reserved).toBe(before.reserved + BigInt(cost));
    const retried = await db.message.findMany({ where: { campaignId, status: "submitted" }, select: { to: true, chargeState: true, body: true } });
    expect(retried.map((message) => message.to).sort()).toEqual(failed.map((message) => message.to).sort());
    expect(retried.every((message) => message.chargeState === "reserved" && message.body === "Sale today")).toBe(true);
    expect((await db.campaign.findUniqueOrThrow({ where: { id: campaignId } })).messageCount).toBe(NUMBERS.length + 2);
    const reserve = await db.ledgerEntry.findFirst({ where: { campaignId, type: "reserve", description: { startsWith: "campaign retry" } } });
    expect(reserve?.amount).toBe(BigInt(cost));
    await expectBooksBalanced(account.accountId);

    // The retries are under way: nothing is left to retry, so a second click sends nothing.
    expect(await countRetryableRecipients(account.accountId, campaignId)).toBe(0);
    await expect(retryFailedMessages(account.accountId, campaignId)).rejects.toMatchObject({ code: "conflict" });
    expect(await db.message.count({ where: { campaignId } })).toBe(NUMBERS.length + 2);
  });

  it("skips recipients who opted out since, refuses without credit, and never crosses accounts", async () => {
    const { account, campaignId } = await finishedCampaign();
    const [first] = await db.message.findMany({ where: { campaignId, status: "failed" }, select: { to: true }, orderBy: { to: "asc" } });
    await db.optOut.create({ data: { accountId: account.accountId, phone: first.to, source: "test" } });
    expect(await countRetryableRecipients(account.accountId, campaignId)).toBe(1);

    const other = await createTestAccount({ credits: 1_000 });
    await expect(retryFailedMessages(other.accountId, campaignId)).rejects.toMatchObject({ code: "not_found" });

    await db.account.update({ where: { id: account.accountId }, data: { balance: 0n, toppedUp: { decrement: (await db.account.findUniqueOrThrow({ where: { id: account.accountId } })).balance } } });
    await expect(retryFailedMessages(account.accountId, campaignId)).rejects.toMatchObject({ code: "insufficient_credits" });
    expect(await db.message.count({ where: { campaignId } })).toBe(NUMBERS.length);
  });

  it("refuses a campaign that has not finished", async () => {
    const account = await createTestAccount({ credits: 100_000 });
    const list = await readyListOf(account.accountId, NUMBERS.slice(0, 2));
    const { campaignId } = await createCampaign(account.accountId, { name: "Later", from: account.senderId, body: "Hi", contactListId: list.id, priority: "normal" });
    await expect(retryFailedMessages(account.accountId, campaignId)).rejects.toMatchObject({ code: "conflict" });
  });
});

describe("confirming a reviewed campaign", () => {
  it("creates what was reviewed and refuses a confirmation whose estimate no longer holds", async () => {
    const account = await createTestAccount({ credits: 100_000 });
    const small = await readyListOf(account.accountId, NUMBERS.slice(0, 2), "Small");
    const large = await readyListOf(account.accountId, NUMBERS, "Large");
    const reviewed = await reviewCampaignEstimate(account.accountId, { contactListId: large.id, body: "Hello" }, "");
    expect(reviewed).toMatchObject({ contactListId: large.id, recipients: 6, maxMessages: "" });

    const input = { name: "Mixed up", from: account.senderId, body: "Hello", priority: "normal" as const };
    await expect(createReviewedCampaign(account.accountId, { ...input, contactListId: small.id }, reviewed)).rejects.toMatchObject({
      code: "conflict",
      message: ESTIMATE_CHANGED_MESSAGE,
    });
    expect(await db.campaign.count({ where: { accountId: account.accountId } })).toBe(0);

    const created = await createReviewedCampaign(account.accountId, { ...input, contactListId: large.id }, reviewed);
    const campaign = await db.campaign.findUniqueOrThrow({ where: { id: created.campaignId } });
    expect(campaign).toMatchObject({ contactListId: large.id, recipientCount: 6, estimatedCost: BigInt(reviewed.cost) });
    await expectBooksBalanced(account.accountId);
  });
});
