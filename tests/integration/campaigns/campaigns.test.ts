import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { checkLedger } from "@/lib/credits/check-ledger";
import { expandCampaign } from "@/lib/campaigns/expand-campaign";
import { reviewCampaignContent } from "@/lib/campaigns/review-campaign-content";
import { cancelCampaign, claimDueCampaigns, completeFinishedCampaigns } from "@/lib/campaigns/schedule-campaigns";
import { createTestAccount, type TestAccount } from "@/tests/helpers/accounts";
import { callRoute } from "@/tests/helpers/http";
import * as campaignsRoute from "@/app/api/v1/campaigns/route";
import * as campaignRoute from "@/app/api/v1/campaigns/[id]/route";
import * as cancelRoute from "@/app/api/v1/campaigns/[id]/cancel/route";
import * as messagesRoute from "@/app/api/v1/campaigns/[id]/messages/route";
import { importContactsCsv } from "@/lib/contacts/import-contacts";
import { startContacts } from "@/workers/contacts";
import type { Closeable } from "@/workers/runtime";
import { finishCampaignMessages, readyListOf, reservationBreakdown, waitForListReady } from "./helpers";
import { messageWithEvents } from "@/tests/helpers/messages";

let worker: Closeable;
beforeAll(() => {
  worker = startContacts();
});
afterAll(async () => {
  await worker.close();
});

const SAFARICOM = ["0712000001", "0712000002", "0712000003", "0712000004"];
const AIRTEL = ["0733000001", "0733000002"];

async function expectBooksBalanced(accountId: string) {
  expect((await checkLedger(accountId)).problems).toEqual([]);
  const breakdown = await reservationBreakdown(accountId);
  expect(breakdown.account).toBe(breakdown.held);
}

async function postCampaign(account: TestAccount, body: Record<string, unknown>) {
  return callRoute<{ campaignId: string; status: string; estimatedCost: number; recipients: number; error?: { code: string } }>(campaignsRoute.POST, {
    path: "/v1/campaigns",
    apiKey: account.apiKey,
    body: { name: "Promo", from: account.senderId, ...body },
  });
}

async function balanceOf(accountId: string) {
  return db.account.findUniqueOrThrow({ where: { id: accountId }, select: { balance: true, reserved: true, spent: true } });
}

describe("campaigns", () => {
  it("sends an immediate campaign: reserve, content check, expansion in SQL, completion, books balanced", async () => {
    const account = await createTestAccount({ credits: 100_000 });
    const list = await readyListOf(account.accountId, [...SAFARICOM, ...AIRTEL, "0712000001", "garbage"]);
    await db.optOut.create({ data: { accountId: account.accountId, phone: "+254712000004", source: "test" } });

    const created = await postCampaign(account, { body: "Sale today only at Sema Mart", contactListId: list.id, callbackUrl: "https://example.test/hook" });
    expect(created.status).toBe(202);
    // 3 Safaricom × 80 + 2 Airtel × 70; the opted-out number, the duplicate and the invalid row are not priced.
    expect(created.body).toMatchObject({ status: "pending_content_check", estimatedCost: 380, recipients: 5 });
    expect(await balanceOf(account.accountId)).toMatchObject({ balance: 100_000n - 380n, reserved: 380n });
    await expectBooksBalanced(account.accountId);

    const review = await reviewCampaignContent(created.body.campaignId);
    expect(review.outcome).toBe("queued");
    const campaign = await db.campaign.findUniqueOrThrow({ where: { id: created.body.campaignId } });
    expect(campaign).toMatchObject({ status: "queued", messageCount: 5, reservedAmount: 0n });
    const messages = await Promise.all((await db.message.findMany({ where: { campaignId: campaign.id }, select: { id: true } })).map((row) => messageWithEvents(row.id)));
    expect(messages.map((message) => message.to).sort()).toEqual(["+254712000001", "+254712000002", "+254712000003", "+254733000001", "+254733000002"]);
    for (const message of messages) {
      expect(message).toMatchObject({ status: "submitted", chargeState: "reserved", segments: 1, callbackUrl: "https://example.test/hook", from: account.senderId });
      expect(message.cost).toBe(message.operator === "Airtel" ? 70 : 80);
      expect(message.events).toEqual([expect.objectContaining({ status: "submitted", source: "campaign" })]);
    }
    await expectBooksBalanced(account.accountId);

    // A second expansion of the same campaign finds nothing to do.
    expect(await expandCampaign(campaign.id)).toBeNull();
    expect(await db.message.count({ where: { campaignId: campaign.id } })).toBe(5);

    const progress = await callRoute<{ status: string; progress: { submitted: number; reserved: number } }>(campaignRoute.GET, {
      path: `/v1/campaigns/${campaign.id}`,
      apiKey: account.apiKey,
      params: { id: campaign.id },
    });
    expect(progress.body).toMatchObject({ status: "queued", progress: { submitted: 5, reserved: 380 } });

    expect(await completeFinishedCampaigns()).not.toContain(campaign.id);
    await finishCampaignMessages(campaign.id);
    expect(await completeFinishedCampaigns()).toContain(campaign.id);
    const done = await callRoute<{ status: string; progress: { delivered: number; failed: number; spent: number; reserved: number; ratio: number } }>(campaignRoute.GET, {
      path: `/v1/campaigns/${campaign.id}`,
      apiKey: account.apiKey,
      params: { id: campaign.id },
    });
    expect(done.body).toMatchObject({ status: "completed", progress: { delivered: 3, failed: 2, reserved: 0, ratio: 1 } });
    expect(await db.webhookEvent.count({ where: { campaignId: campaign.id, type: "campaign.completed" } })).toBe(1);
    expect(await db.notification.count({ where: { accountId: account.accountId, type: "campaign.completed" } })).toBe(1);

    const failed = await callRoute<{ data: { status: string }[] }>(messagesRoute.GET, {
      path: `/v1/campaigns/${campaign.id}/messages?status=failed`,
      apiKey: account.apiKey,
      params: { id: campaign.id },
    });
    expect(failed.body.data).toHaveLength(2);
    await expectBooksBalanced(account.accountId);
  });

  it("personalises each message and reconciles the estimate with the real cost in the ledger", async () => {
    const account = await createTestAccount({ credits: 100_000 });
    const long = "x".repeat(150);
    const csv = `phone,name\n0712000001,Amina\n0712000002,${long}\n0712000003,Zawadi 😊\n`;
    const imported = await importContactsCsv(account.accountId, new Blob([csv]).stream(), { name: "Personal", header: "auto" });
    await waitForListReady(imported.contactListId);

    const created = await postCampaign(account, { body: "Hi {{name}}, your order is ready", contactListId: imported.contactListId });
    expect(created.status).toBe(202);
    const estimate = created.body.estimatedCost;
    await reviewCampaignContent(created.body.campaignId);

    const messages = await db.message.findMany({ where: { campaignId: created.body.campaignId }, orderBy: { to: "asc" } });
    expect(messages.map((message) => [message.body.slice(0, 12), message.segments, message.encoding])).toEqual([
      ["Hi Amina, yo", 1, "gsm7"],
      [`Hi ${long.slice(0, 9)}`, 2, "gsm7"],
      ["Hi Zawadi 😊", 1, "ucs2"],
    ]);
    const actual = messages.reduce((sum, message) => sum + message.cost, 0);
    expect(actual).toBe(80 + 160 + 80);
    expect(estimate).toBe(3 * 2 * 80);
    const release = await db.ledgerEntry.findFirst({ where: { campaignId: created.body.campaignId, type: "release" } });
    expect(release?.amount).toBe(BigInt(estimate - actual));
    expect((await balanceOf(account.accountId)).reserved).toBe(BigInt(actual));
    await expectBooksBalanced(account.accountId);
  });

  it("refunds a campaign rejected by the content check in full and tells the customer", async () => {
    const account = await createTestAccount({ credits: 50_000 });
    const list = await readyListOf(account.accountId, SAFARICOM);
    const created = await postCampaign(account, { body: "Verify your account now at bit.ly/x2", contactListId: list.id });
    expect(created.status).toBe(202);
    const before = await balanceOf(account.accountId);
    expect(before.reserved).toBe(320n);

    const review = await reviewCampaignContent(created.body.campaignId);
    expect(review.outcome).toBe("rejected");
    const campaign = await db.campaign.findUniqueOrThrow({ where: { id: created.body.campaignId } });
    expect(campaign.status).toBe("rejected");
    expect(campaign.statusReason).toMatch(/url_shortener|phishing/);
    expect(await balanceOf(account.accountId)).toMatchObject({ balance: 50_000n, reserved: 0n, spent: 0n });
    expect(await db.message.count({ where: { campaignId: campaign.id } })).toBe(0);
    expect(await db.notification.count({ where: { accountId: account.accountId, type: "campaign.rejected" } })).toBe(1);
    expect(await db.webhookEvent.count({ where: { campaignId: campaign.id, type: "campaign.rejected" } })).toBe(1);
    await expectBooksBalanced(account.accountId);
  });

  it("holds a scheduled campaign without messages and cancels it with a refund; a claimed one cannot be cancelled", async () => {
    const account = await createTestAccount({ credits: 50_000 });
    const list = await readyListOf(account.accountId, SAFARICOM);
    const sendAt = new Date(Date.now() + 3_600_000).toISOString();
    const created = await postCampaign(account, { body: "See you tomorrow", contactListId: list.id, sendAt });
    expect(await reviewCampaignContent(created.body.campaignId)).toMatchObject({ outcome: "scheduled" });
    expect(await db.campaign.findUniqueOrThrow({ where: { id: created.body.campaignId } })).toMatchObject({ status: "scheduled", reservedAmount: 320n });
    expect(await db.message.count({ where: { campaignId: created.body.campaignId } })).toBe(0);
    expect(await claimDueCampaigns()).not.toContain(created.body.campaignId);

    const cancelled = await callRoute(cancelRoute.PATCH, {
      method: "PATCH",
      path: `/v1/campaigns/${created.body.campaignId}/cancel`,
      apiKey: account.apiKey,
      params: { id: created.body.campaignId },
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: "cancelled", refunded: 320 });
    expect(await balanceOf(account.accountId)).toMatchObject({ balance: 50_000n, reserved: 0n });
    const again = await callRoute(cancelRoute.PATCH, { method: "PATCH", apiKey: account.apiKey, params: { id: created.body.campaignId } });
    expect(again.status).toBe(409);
    await expectBooksBalanced(account.accountId);

    const second = await postCampaign(account, { body: "Later", contactListId: list.id, sendAt });
    await reviewCampaignContent(second.body.campaignId);
    await db.$executeRaw`UPDATE campaigns SET send_at = now() - interval '1 second' WHERE id = ${second.body.campaignId}::uuid`;
    expect(await claimDueCampaigns()).toContain(second.body.campaignId);
    const late = await callRoute(cancelRoute.PATCH, { method: "PATCH", apiKey: account.apiKey, params: { id: second.body.campaignId } });
    expect(late.status).toBe(409);
    await expandCampaign(second.body.campaignId);
    expect(await db.message.count({ where: { campaignId: second.body.campaignId } })).toBe(4);
    await expectBooksBalanced(account.accountId);
  });

  it("lets exactly one of two racing schedulers claim a due campaign", async () => {
    const account = await createTestAccount({ credits: 50_000 });
    const list = await readyListOf(account.accountId, SAFARICOM);
    const ids: string[] = [];
    for (let index = 0; index < 5; index++) {
      const created = await postCampaign(account, { body: `Wave ${index}`, contactListId: list.id, sendAt: new Date(Date.now() + 600_000).toISOString() });
      await reviewCampaignContent(created.body.campaignId);
      ids.push(created.body.campaignId);
    }
    await db.$executeRaw`UPDATE campaigns SET send_at = now() - interval '1 second' WHERE id = ANY(${ids}::uuid[])`;
    const [first, second] = await Promise.all([claimDueCampaigns(), claimDueCampaigns()]);
    const mine = [...first, ...second].filter((id) => ids.includes(id));
    expect(mine.sort()).toEqual([...ids].sort());
    await Promise.all(ids.map((id) => Promise.all([expandCampaign(id), expandCampaign(id)])));
    for (const id of ids) expect(await db.message.count({ where: { campaignId: id } })).toBe(4);
    await expectBooksBalanced(account.accountId);
  });

  it("never lets cancel and the scheduler both win", async () => {
    const account = await createTestAccount({ credits: 100_000 });
    const list = await readyListOf(account.accountId, SAFARICOM);
    for (let round = 0; round < 8; round++) {
      const created = await postCampaign(account, { body: `Race ${round}`, contactListId: list.id, sendAt: new Date(Date.now() + 600_000).toISOString() });
      const id = created.body.campaignId;
      await reviewCampaignContent(id);
      await db.$executeRaw`UPDATE campaigns SET send_at = now() - interval '1 second' WHERE id = ${id}::uuid`;
      const [cancel, claim] = await Promise.allSettled([cancelCampaign(account.accountId, id), claimDueCampaigns()]);
      const cancelWon = cancel.status === "fulfilled";
      const claimWon = claim.status === "fulfilled" && claim.value.includes(id);
      expect(cancelWon !== claimWon).toBe(true);
      const campaign = await db.campaign.findUniqueOrThrow({ where: { id } });
      expect(campaign.status).toBe(cancelWon ? "cancelled" : "queued");
      if (claimWon) await expandCampaign(id);
      await expectBooksBalanced(account.accountId);
    }
  });

  it("validates the request: list ready, sender approved, send time sensible, fields known, credit enough", async () => {
    const account = await createTestAccount({ credits: 100 });
    const list = await readyListOf(account.accountId, SAFARICOM);
    const unapproved = await postCampaign(account, { body: "Hi", contactListId: list.id, from: "NOPE" });
    expect(unapproved.body.error?.code).toBe("sender_id_not_approved");
    const past = await postCampaign(account, { body: "Hi", contactListId: list.id, sendAt: new Date(Date.now() - 60_000).toISOString() });
    expect(past.status).toBe(422);
    const far = await postCampaign(account, { body: "Hi", contactListId: list.id, sendAt: new Date(Date.now() + 400 * 86_400_000).toISOString() });
    expect(far.status).toBe(422);
    const unknownField = await postCampaign(account, { body: "Hi {{surname}}", contactListId: list.id });
    expect(unknownField.status).toBe(422);
    const poor = await postCampaign(account, { body: "Hi", contactListId: list.id });
    expect(poor.status).toBe(402);
    const other = await createTestAccount();
    const foreign = await postCampaign(other, { body: "Hi", contactListId: list.id });
    expect(foreign.status).toBe(404);
    expect(await db.campaign.count({ where: { accountId: account.accountId } })).toBe(0);
    await expectBooksBalanced(account.accountId);
  });
});
