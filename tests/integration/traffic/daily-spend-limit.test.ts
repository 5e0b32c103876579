import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getAccountRoute, PATCH as patchAccountRoute } from "@/app/api/v1/account/route";
import { POST as postCampaignRoute } from "@/app/api/v1/campaigns/route";
import { POST as sendRoute } from "@/app/api/v1/messages/route";
import { expandCampaign } from "@/lib/campaigns/expand-campaign";
import { reviewCampaignContent } from "@/lib/campaigns/review-campaign-content";
import { claimDueCampaigns } from "@/lib/campaigns/schedule-campaigns";
import { checkLedger } from "@/lib/credits/check-ledger";
import { db } from "@/lib/db";
import { startContacts } from "@/workers/contacts";
import type { Closeable } from "@/workers/runtime";
import { createTestAccount, type TestAccount } from "@/tests/helpers/accounts";
import { callRoute } from "@/tests/helpers/http";
import { readyListOf } from "@/tests/integration/campaigns/helpers";

interface AccountBody {
  dailySpendLimit: number | null;
  spentToday: number;
  remainingToday: number | null;
  error?: { code: string; details?: { field: string; message: string; code?: string }[] };
}

let worker: Closeable;
beforeAll(() => {
  worker = startContacts();
});
afterAll(async () => {
  await worker.close();
});

const patchAccount = (account: TestAccount, body: unknown) =>
  callRoute<AccountBody>(patchAccountRoute, { method: "PATCH", path: "/api/v1/account", apiKey: account.apiKey, body });
const getAccount = (account: TestAccount) => callRoute<AccountBody>(getAccountRoute, { path: "/api/v1/account", apiKey: account.apiKey });
const send = (account: TestAccount, body: string) =>
  callRoute<{ cost: number; error?: AccountBody["error"] }>(sendRoute, {
    path: "/api/v1/messages",
    apiKey: account.apiKey,
    body: { from: account.senderId, to: "+254712345678", body },
  });

describe("daily spend limit", () => {
  it("is set and removed with PATCH /v1/account, and bad limits are 422 with nothing written", async () => {
    const account = await createTestAccount();
    for (const bad of [{ dailySpendLimit: -1 }, { dailySpendLimit: 1e15 }, { dailySpendLimit: "5000" }, { dailySpendLimit: 12.5 }, {}, { dailySpendLimt: 5 }]) {
      const refused = await patchAccount(account, bad);
      expect(refused.status, JSON.stringify(bad)).toBe(422);
      expect(refused.body.error?.code).toBe("validation_failed");
    }
    expect((await getAccount(account)).body).toMatchObject({ dailySpendLimit: null, remainingToday: null });

    expect((await patchAccount(account, { dailySpendLimit: 5000 })).body).toMatchObject({ dailySpendLimit: 5000, spentToday: 0, remainingToday: 5000 });
    expect((await patchAccount(account, { dailySpendLimit: null })).body).toMatchObject({ dailySpendLimit: null, remainingToday: null });
  });

  it("is never exceeded by 50 concurrent sends, and the refusal says what is left", async () => {
    const account = await createTestAccount({ credits: 1_000_000 });
    const first = await send(account, "first");
    expect(first.status).toBe(202);
    const cost = first.body.cost;
    // Room for exactly seven more, with half a message to spare.
    const limit = cost * 8 + Math.floor(cost / 2);
    await patchAccount(account, { dailySpendLimit: limit });

    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => send(account, `race ${i}`)));
    const accepted = results.filter((result) => result.status === 202);
    const refused = results.filter((result) => result.status !== 202);
    expect(accepted).toHaveLength(7);
    expect(refused.every((result) => result.status === 402 && result.body.error?.code === "daily_spend_limit_exceeded")).toBe(true);
    expect(refused[0].body.error?.details).toEqual([
      { field: "dailySpendLimit", message: String(limit), code: "limit" },
      { field: "remainingToday", message: String(Math.floor(cost / 2)), code: "remaining" },
    ]);

    const state = await getAccount(account);
    expect(state.body).toMatchObject({ spentToday: cost * 8, remainingToday: Math.floor(cost / 2) });
    expect(await db.message.count({ where: { accountId: account.accountId } })).toBe(8);
    expect((await checkLedger(account.accountId)).problems).toEqual([]);
  });

  it("starts again on the account's next calendar day", async () => {
    const account = await createTestAccount({ credits: 100_000 });
    const first = await send(account, "today");
    await patchAccount(account, { dailySpendLimit: first.body.cost });
    expect((await send(account, "refused")).status).toBe(402);

    await db.$executeRaw`UPDATE accounts SET spend_day = spend_day - 1 WHERE id = ${account.accountId}::uuid`;
    expect((await getAccount(account)).body).toMatchObject({ spentToday: 0, remainingToday: first.body.cost });
    expect((await send(account, "tomorrow")).status).toBe(202);
  });

  it("refuses a campaign whose estimate is more than what is left today, reserving nothing", async () => {
    const account = await createTestAccount({ credits: 100_000 });
    const list = await readyListOf(account.accountId, ["0712000001", "0712000002", "0712000003"]);
    await patchAccount(account, { dailySpendLimit: 100 });
    const before = await db.account.findUniqueOrThrow({ where: { id: account.accountId }, select: { balance: true, reserved: true } });

    const refused = await callRoute<{ error?: AccountBody["error"] }>(postCampaignRoute, {
      path: "/api/v1/campaigns",
      apiKey: account.apiKey,
      body: { name: "Promo", from: account.senderId, body: "Sale today", contactListId: list.id },
    });
    expect(refused.status).toBe(402);
    expect(refused.body.error?.code).toBe("daily_spend_limit_exceeded");
    expect(refused.body.error?.details).toContainEqual({ field: "remainingToday", message: "100", code: "remaining" });
    expect(await db.campaign.count({ where: { accountId: account.accountId } })).toBe(0);
    expect(await db.account.findUniqueOrThrow({ where: { id: account.accountId }, select: { balance: true, reserved: true } })).toEqual(before);
  });

  it("counts a scheduled campaign against the day it starts, and rejects it then if today's limit cannot take it", async () => {
    const account = await createTestAccount({ credits: 100_000 });
    const list = await readyListOf(account.accountId, ["0712000001", "0712000002", "0712000003"]);
    await patchAccount(account, { dailySpendLimit: 300 });
    const schedule = (extra: Record<string, unknown> = {}) =>
      callRoute<{ campaignId: string; estimatedCost: number; error?: AccountBody["error"] }>(postCampaignRoute, {
        path: "/api/v1/campaigns",
        apiKey: account.apiKey,
        body: { name: "Later", from: account.senderId, body: "Sale tomorrow", contactListId: list.id, sendAt: new Date(Date.now() + 3_600_000).toISOString(), ...extra },
      });

    // More than the whole daily limit: refused at once.
    const tooBig = await schedule({ body: "x".repeat(200) });
    expect(tooBig.status).toBe(402);
    expect(tooBig.body.error?.code).toBe("daily_spend_limit_exceeded");

    // 240 fits under the limit; it does not count today, so single sends can still spend.
    const later = await schedule();
    expect(later.status).toBe(202);
    expect(later.body.estimatedCost).toBe(240);
    expect((await getAccount(account)).body).toMatchObject({ spentToday: 0 });
    await send(account, "one");
    await send(account, "two");
    expect((await getAccount(account)).body).toMatchObject({ spentToday: 160, remainingToday: 140 });

    // When it starts, today has 140 left: the campaign is rejected and its reservation refunded.
    expect((await reviewCampaignContent(later.body.campaignId)).outcome).toBe("scheduled");
    await db.$executeRaw`UPDATE campaigns SET send_at = now() - interval '1 minute' WHERE id = ${later.body.campaignId}::uuid`;
    expect(await claimDueCampaigns()).toContain(later.body.campaignId);
    await expandCampaign(later.body.campaignId);
    const campaign = await db.campaign.findUniqueOrThrow({ where: { id: later.body.campaignId }, select: { status: true, statusReason: true, reservedAmount: true } });
    expect(campaign).toEqual({ status: "rejected", statusReason: "daily_spend_limit_exceeded", reservedAmount: 0n });
    expect(await db.message.count({ where: { campaignId: later.body.campaignId } })).toBe(0);
    expect((await getAccount(account)).body).toMatchObject({ spentToday: 160 });
    expect((await checkLedger(account.accountId)).problems).toEqual([]);
  });

  it("counts a scheduled campaign that fits when it starts", async () => {
    const account = await createTestAccount({ credits: 100_000 });
    const list = await readyListOf(account.accountId, ["0712000001", "0712000002", "0712000003"]);
    await patchAccount(account, { dailySpendLimit: 300 });
    const later = await callRoute<{ campaignId: string }>(postCampaignRoute, {
      path: "/api/v1/campaigns",
      apiKey: account.apiKey,
      body: { name: "Later", from: account.senderId, body: "Sale", contactListId: list.id, sendAt: new Date(Date.now() + 3_600_000).toISOString() },
    });
    await reviewCampaignContent(later.body.campaignId);
    await db.$executeRaw`UPDATE campaigns SET send_at = now() - interval '1 minute' WHERE id = ${later.body.campaignId}::uuid`;
    await claimDueCampaigns();
    await expandCampaign(later.body.campaignId);
    expect(await db.message.count({ where: { campaignId: later.body.campaignId } })).toBe(3);
    expect((await getAccount(account)).body).toMatchObject({ spentToday: 240, remainingToday: 60 });
  });
});
