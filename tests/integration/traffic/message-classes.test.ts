import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getCampaignRoute } from "@/app/api/v1/campaigns/[id]/route";
import { POST as postCampaignRoute } from "@/app/api/v1/campaigns/route";
import { GET as getMessageRoute } from "@/app/api/v1/messages/[id]/route";
import { POST as sendRoute } from "@/app/api/v1/messages/route";
import { db } from "@/lib/db";
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

const send = (account: TestAccount, extra: Record<string, unknown>) =>
  callRoute<{ messageId: string; class: string; error?: { code: string; details?: { field: string }[] } }>(sendRoute, {
    path: "/api/v1/messages",
    apiKey: account.apiKey,
    body: { from: account.senderId, to: "+254712345678", body: "Hello", ...extra },
  });

describe("message classes", () => {
  it("single sends are transactional unless they say promotional, and the class is stored and shown", async () => {
    const account = await createTestAccount();
    const plain = await send(account, {});
    expect(plain.status).toBe(202);
    expect(plain.body.class).toBe("transactional");
    const promo = await send(account, { class: "promotional" });
    expect(promo.body.class).toBe("promotional");

    const shown = await callRoute<{ class: string }>(getMessageRoute, { apiKey: account.apiKey, params: { id: promo.body.messageId } });
    expect(shown.body.class).toBe("promotional");
    expect(await db.message.findUniqueOrThrow({ where: { id: plain.body.messageId }, select: { messageClass: true } })).toEqual({ messageClass: "transactional" });

    const bad = await send(account, { class: "marketing" });
    expect(bad.status).toBe(422);
    expect(bad.body.error?.details?.[0].field).toBe("class");
  });

  it("campaigns are promotional by default, transactional on request", async () => {
    const account = await createTestAccount();
    const list = await readyListOf(account.accountId, ["0712000001", "0712000002"]);
    const post = (extra: Record<string, unknown>) =>
      callRoute<{ campaignId: string }>(postCampaignRoute, {
        path: "/api/v1/campaigns",
        apiKey: account.apiKey,
        body: { name: "Promo", from: account.senderId, body: "Sale", contactListId: list.id, ...extra },
      });
    const promotional = await post({});
    const transactional = await post({ class: "transactional" });
    expect([promotional.status, transactional.status]).toEqual([202, 202]);
    const shown = async (id: string) => (await callRoute<{ class: string }>(getCampaignRoute, { apiKey: account.apiKey, params: { id } })).body.class;
    expect(await shown(promotional.body.campaignId)).toBe("promotional");
    expect(await shown(transactional.body.campaignId)).toBe("transactional");
  });
});
