import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as postCampaignRoute } from "@/app/api/v1/campaigns/route";
import { reviewCampaignContent } from "@/lib/campaigns/review-campaign-content";
import { checkLedger } from "@/lib/credits/check-ledger";
import { db } from "@/lib/db";
import { touchStuckMessages } from "@/lib/messages/transitions/touch-stuck-messages";
import { getQueue } from "@/lib/queue/enqueue";
import { startContacts } from "@/workers/contacts";
import type { Closeable } from "@/workers/runtime";
import { createTestAccount, type TestAccount } from "@/tests/helpers/accounts";
import { callRoute } from "@/tests/helpers/http";
import { readyListOf } from "@/tests/integration/campaigns/helpers";

let worker: Closeable;
beforeAll(() => {
  worker = startContacts();
});
afterAll(async () => {
  await worker.close();
});

const NUMBERS = ["0712000005", "0712000001", "0712000004", "0712000002", "0712000003"];

const postCampaign = (account: TestAccount, extra: Record<string, unknown>) =>
  callRoute<{ campaignId: string; estimatedCost: number; recipients: number; error?: { code: string; details?: { field: string }[] } }>(postCampaignRoute, {
    path: "/api/v1/campaigns",
    apiKey: account.apiKey,
    body: { name: "Promo", from: account.senderId, body: "Sale today", ...extra },
  });

describe("campaign caps and rate", () => {
  it("maxMessages sends to the first eligible recipients in list order; estimate and reservation follow the cap", async () => {
    const account = await createTestAccount({ credits: 10_000 });
    const list = await readyListOf(account.accountId, NUMBERS);
    const created = await postCampaign(account, { contactListId: list.id, maxMessages: 3 });
    expect(created.status).toBe(202);
    expect(created.body).toMatchObject({ recipients: 3, estimatedCost: 240 });
    expect(await db.account.findUniqueOrThrow({ where: { id: account.accountId }, select: { reserved: true } })).toEqual({ reserved: 240n });

    expect((await reviewCampaignContent(created.body.campaignId)).outcome).toBe("queued");
    const messages = await db.message.findMany({ where: { campaignId: created.body.campaignId }, select: { to: true }, orderBy: { to: "asc" } });
    expect(messages.map((message) => message.to)).toEqual(["+254712000001", "+254712000004", "+254712000005"]);
    expect((await checkLedger(account.accountId)).problems).toEqual([]);
  });

  it("a cap above the list's size changes nothing", async () => {
    const account = await createTestAccount({ credits: 10_000 });
    const list = await readyListOf(account.accountId, NUMBERS);
    const created = await postCampaign(account, { contactListId: list.id, maxMessages: 50 });
    expect(created.body).toMatchObject({ recipients: 5, estimatedCost: 400 });
  });

  it("sendRatePerMinute spreads the sends: each message has its time, its job waits, the reconciler leaves it alone", async () => {
    const account = await createTestAccount({ credits: 10_000 });
    const list = await readyListOf(account.accountId, NUMBERS);
    const created = await postCampaign(account, { contactListId: list.id, sendRatePerMinute: 2 });
    expect(created.status).toBe(202);
    await reviewCampaignContent(created.body.campaignId);

    const campaign = await db.campaign.findUniqueOrThrow({ where: { id: created.body.campaignId }, select: { queuedAt: true, sendRatePerMinute: true } });
    expect(campaign.sendRatePerMinute).toBe(2);
    const messages = await db.message.findMany({ where: { campaignId: created.body.campaignId }, select: { id: true, notBefore: true }, orderBy: { notBefore: "asc" } });
    const offsets = messages.map((message) => message.notBefore!.getTime() - campaign.queuedAt!.getTime());
    expect(offsets).toEqual([0, 30_000, 60_000, 90_000, 120_000]);

    // Four of the five wait in delayed jobs (the first is due at once).
    const delayed = await getQueue("smsNormal").getDelayed();
    const delayedIds = delayed.flatMap((job) => (job.data as { messageIds?: string[] }).messageIds ?? []);
    expect(messages.slice(1).every((message) => delayedIds.includes(message.id))).toBe(true);

    // All untouched for long, the first one due long ago: only that one is stuck, the rest are not yet due.
    await db.$executeRaw`UPDATE messages SET updated_at = now() - interval '10 minutes' WHERE campaign_id = ${created.body.campaignId}::uuid`;
    await db.$executeRaw`UPDATE messages SET not_before = now() - interval '10 minutes' WHERE id = ${messages[0].id}::uuid`;
    const stuck = (await touchStuckMessages(60, 10_000)).map((row) => row.id);
    expect(stuck).toContain(messages[0].id);
    expect(messages.slice(1).some((message) => stuck.includes(message.id))).toBe(false);
  });

  it("refuses bad caps and rates with 422", async () => {
    const account = await createTestAccount();
    const list = await readyListOf(account.accountId, NUMBERS);
    for (const bad of [{ maxMessages: 0 }, { maxMessages: -5 }, { maxMessages: 1.5 }, { maxMessages: "3" }, { sendRatePerMinute: 0 }, { sendRatePerMinute: 1e9 }]) {
      const refused = await postCampaign(account, { contactListId: list.id, ...bad });
      expect(refused.status, JSON.stringify(bad)).toBe(422);
      expect(refused.body.error?.details?.[0].field).toBe(Object.keys(bad)[0]);
    }
    expect(await db.campaign.count({ where: { accountId: account.accountId } })).toBe(0);
  });
});
