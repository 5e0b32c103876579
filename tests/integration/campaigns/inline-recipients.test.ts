import { describe, expect, it } from "vitest";
import * as campaignsRoute from "@/app/api/v1/campaigns/route";
import { expandCampaign } from "@/lib/campaigns/expand-campaign";
import { reviewCampaignContent } from "@/lib/campaigns/review-campaign-content";
import { checkLedger } from "@/lib/credits/check-ledger";
import { db } from "@/lib/db";
import { createTestAccount, type TestAccount } from "@/tests/helpers/accounts";
import { callRoute } from "@/tests/helpers/http";

interface Created {
  campaignId: string;
  contactListId: string;
  recipients: number;
  estimatedCost: number;
  error?: { code: string; details?: { field: string }[] };
}

function postCampaign(account: TestAccount, body: Record<string, unknown>) {
  return callRoute<Created>(campaignsRoute.POST, { method: "POST", path: "/v1/campaigns", apiKey: account.apiKey, body: { name: "Inline", from: account.senderId, body: "Sale today", ...body } });
}

/** `count` distinct Safaricom numbers in local format. */
const numbers = (count: number, offset = 0) => Array.from({ length: count }, (_, index) => `0712${String(index + offset).padStart(6, "0")}`);

describe("campaigns with inline recipients (dests)", () => {
  it("sends to 10,000 numbers given inline: validated in the request (no worker), invalid and duplicate ones left out, expanded into messages", { timeout: 120_000 }, async () => {
    const account = await createTestAccount({ credits: 10_000 * 80 });
    const dests = [...numbers(9_997), "0712000001", "12345", "not a number"];
    expect(dests).toHaveLength(10_000);

    const created = await postCampaign(account, { dests });
    expect(created.status).toBe(202);
    expect(created.body).toMatchObject({ status: "pending_content_check", recipients: 9_997, estimatedCost: 9_997 * 80 });
    const list = await db.contactList.findUniqueOrThrow({ where: { id: created.body.contactListId } });
    expect(list).toMatchObject({ accountId: account.accountId, source: "campaign", status: "ready", totalCount: 10_000, validCount: 9_997, invalidCount: 2, duplicateCount: 1 });
    expect((await checkLedger(account.accountId)).account.reserved).toBe(BigInt(9_997 * 80));

    expect(await reviewCampaignContent(created.body.campaignId)).toMatchObject({ outcome: "queued" });
    await expandCampaign(created.body.campaignId);
    expect(await db.message.count({ where: { campaignId: created.body.campaignId } })).toBe(9_997);
    expect((await checkLedger(account.accountId)).problems).toEqual([]);
  });

  it("refuses 10,001 numbers and a campaign naming neither a list nor dests (422), and leaves nothing behind when the campaign is refused", async () => {
    const account = await createTestAccount({ credits: 80 });
    expect((await postCampaign(account, { dests: numbers(10_001) })).status).toBe(422);
    const neither = await postCampaign(account, {});
    expect(neither.status).toBe(422);
    expect(neither.body.error?.details).toEqual([expect.objectContaining({ field: "contactListId" })]);

    const poor = await postCampaign(account, { dests: numbers(3) });
    expect(poor.status).toBe(402);
    const none = await postCampaign(account, { dests: ["12345"] });
    expect(none.status).toBe(422);
    expect(await db.contactList.count({ where: { accountId: account.accountId } })).toBe(0);
    expect(await db.campaign.count({ where: { accountId: account.accountId } })).toBe(0);
    expect((await checkLedger(account.accountId)).account).toMatchObject({ balance: 80n, reserved: 0n });
  });
});
