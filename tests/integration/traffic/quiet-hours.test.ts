import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PATCH as patchAccountRoute } from "@/app/api/v1/account/route";
import { POST as postCampaignRoute } from "@/app/api/v1/campaigns/route";
import { GET as getMessageRoute } from "@/app/api/v1/messages/[id]/route";
import { POST as sendRoute } from "@/app/api/v1/messages/route";
import { updateAccountSettings } from "@/lib/accounts/get-account";
import { reviewCampaignContent } from "@/lib/campaigns/review-campaign-content";
import { db } from "@/lib/db";
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

const ZONE = "Africa/Nairobi";

/** HH:MM in the account's zone, `offsetMinutes` from now. */
function localTime(offsetMinutes: number): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone: ZONE, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(Date.now() + offsetMinutes * 60_000));
}

const patchAccount = (account: TestAccount, body: unknown) =>
  callRoute<{ quietHours: unknown; error?: { code: string; details?: { field: string }[] } }>(patchAccountRoute, { method: "PATCH", path: "/api/v1/account", apiKey: account.apiKey, body });
const send = (account: TestAccount, extra: Record<string, unknown>) =>
  callRoute<{ messageId: string; status: string; scheduledFor?: string }>(sendRoute, {
    path: "/api/v1/messages",
    apiKey: account.apiKey,
    body: { from: account.senderId, to: "+254712345678", body: "Offer", ...extra },
  });

describe("quiet hours", () => {
  it("refuses bad windows with 422 and stores a good one", async () => {
    const account = await createTestAccount();
    for (const bad of [
      { quietHours: { start: "25:00", end: "08:00" } },
      { quietHours: { start: "9:00", end: "08:00" } },
      { quietHours: { start: "21:00", end: "21:00" } },
      { quietHours: { start: "21:00" } },
      { quietHours: "21:00-08:00" },
      { quietHours: { start: "21:00", end: "08:00", zone: "UTC" } },
    ]) {
      const refused = await patchAccount(account, bad);
      expect(refused.status, JSON.stringify(bad)).toBe(422);
      expect(refused.body.error?.details?.[0].field).toMatch(/^quietHours/);
    }
    expect((await patchAccount(account, { quietHours: { start: "21:00", end: "08:00" } })).body.quietHours).toEqual({ start: "21:00", end: "08:00" });
    expect((await patchAccount(account, { quietHours: null })).body.quietHours).toBeNull();
  });

  it("holds a promotional send inside the window until it ends; transactional sends go at once", async () => {
    const account = await createTestAccount();
    await db.account.update({ where: { id: account.accountId }, data: { timezone: ZONE } });
    await patchAccount(account, { quietHours: { start: localTime(-60), end: localTime(60) } });

    const held = await send(account, { class: "promotional" });
    expect(held.status).toBe(202);
    expect(held.body.status).toBe("submitted");
    const scheduledFor = new Date(held.body.scheduledFor!).getTime();
    expect(scheduledFor - Date.now()).toBeGreaterThan(58 * 60_000);
    expect(scheduledFor - Date.now()).toBeLessThanOrEqual(60 * 60_000);
    const shown = await callRoute<{ status: string; scheduledFor: string }>(getMessageRoute, { apiKey: account.apiKey, params: { id: held.body.messageId } });
    expect(shown.body).toMatchObject({ status: "submitted", scheduledFor: held.body.scheduledFor });
    const job = await getQueue("smsNormal").getJob(held.body.messageId);
    expect(await job?.isDelayed()).toBe(true);

    const transactional = await send(account, {});
    expect(transactional.body.scheduledFor).toBeUndefined();
    expect(await db.message.findUniqueOrThrow({ where: { id: transactional.body.messageId }, select: { notBefore: true } })).toEqual({ notBefore: null });
  });

  it("does not hold a promotional send outside the window", async () => {
    const account = await createTestAccount();
    await db.account.update({ where: { id: account.accountId }, data: { timezone: ZONE } });
    await patchAccount(account, { quietHours: { start: localTime(60), end: localTime(120) } });
    const sent = await send(account, { class: "promotional" });
    expect(sent.status).toBe(202);
    expect(sent.body.scheduledFor).toBeUndefined();
  });

  it("pauses a promotional campaign expanded inside the window until it ends; a transactional one is not held", async () => {
    const account = await createTestAccount({ credits: 10_000 });
    await db.account.update({ where: { id: account.accountId }, data: { timezone: ZONE } });
    await patchAccount(account, { quietHours: { start: localTime(-30), end: localTime(90) } });
    const list = await readyListOf(account.accountId, ["0712000001", "0712000002"]);
    const post = (extra: Record<string, unknown>) =>
      callRoute<{ campaignId: string }>(postCampaignRoute, {
        path: "/api/v1/campaigns",
        apiKey: account.apiKey,
        body: { name: "Promo", from: account.senderId, body: "Sale", contactListId: list.id, ...extra },
      });

    const promotional = await post({});
    await reviewCampaignContent(promotional.body.campaignId);
    const held = await db.message.findMany({ where: { campaignId: promotional.body.campaignId }, select: { notBefore: true } });
    expect(held).toHaveLength(2);
    for (const message of held) {
      expect(message.notBefore!.getTime() - Date.now()).toBeGreaterThan(88 * 60_000);
    }

    const transactional = await post({ class: "transactional" });
    await reviewCampaignContent(transactional.body.campaignId);
    const immediate = await db.message.findMany({ where: { campaignId: transactional.body.campaignId }, select: { notBefore: true } });
    expect(immediate.map((message) => message.notBefore)).toEqual([null, null]);
  });

  it("re-plans held messages when the window or the time zone changes", async () => {
    const account = await createTestAccount();
    await db.account.update({ where: { id: account.accountId }, data: { timezone: ZONE } });
    await patchAccount(account, { quietHours: { start: localTime(-60), end: localTime(60) } });
    const held = await send(account, { class: "promotional" });
    const notBefore = async () => (await db.message.findUniqueOrThrow({ where: { id: held.body.messageId }, select: { notBefore: true } })).notBefore!.getTime();
    expect(await notBefore()).toBe(new Date(held.body.scheduledFor!).getTime());

    // A longer window: held until its new end.
    await patchAccount(account, { quietHours: { start: localTime(-60), end: localTime(180) } });
    expect((await notBefore()) - Date.now()).toBeGreaterThan(178 * 60_000);
    expect(await (await getQueue("smsNormal").getJob(held.body.messageId))?.isDelayed()).toBe(true);

    // London is 3 hours behind Nairobi: there, now is before the window, and the message is released.
    await updateAccountSettings(account.accountId, { name: "Moved Org", defaultCountry: "KE", timezone: "Europe/London" });
    expect(await notBefore()).toBeLessThanOrEqual(Date.now());
    const job = await getQueue("smsNormal").getJob(held.body.messageId);
    expect(job?.delay ?? 0).toBe(0);
  });
});
