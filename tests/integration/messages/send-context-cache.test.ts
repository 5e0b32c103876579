import { describe, expect, it } from "vitest";
import { POST as sendRoute } from "@/app/api/v1/messages/route";
import { checkLedger } from "@/lib/credits/check-ledger";
import { db } from "@/lib/db";
import { authenticateSendCached } from "@/lib/messages/send-context-cache";
import { createTestAccount, type TestAccount } from "@/tests/helpers/accounts";
import { callRoute } from "@/tests/helpers/http";

function send(account: TestAccount, body = "cached") {
  return callRoute<{ messageId?: string; error?: { code: string } }>(sendRoute, {
    method: "POST",
    path: "/api/v1/messages",
    apiKey: account.apiKey,
    body: { from: account.senderId, to: "0712345678", body },
  });
}

/** Sends once so the key's send context is cached, and proves the next send is served from it. */
async function warm(account: TestAccount) {
  expect((await send(account, "warm")).status).toBe(202);
  expect((await authenticateSendCached(`Bearer ${account.apiKey}`, account.senderId)).cached).toBe(true);
}

describe("single send from a briefly cached send context, re-checked by the insert", () => {
  it("sends from the cache while everything still holds", async () => {
    const account = await createTestAccount({ credits: 1_000 });
    await warm(account);
    expect((await send(account)).status).toBe(202);
    expect(await db.message.count({ where: { accountId: account.accountId } })).toBe(2);
    expect((await checkLedger(account.accountId)).problems).toEqual([]);
  });

  it("refuses a key revoked after it was cached (401) and writes nothing", async () => {
    const account = await createTestAccount({ credits: 1_000 });
    await warm(account);
    await db.apiKey.updateMany({ where: { accountId: account.accountId }, data: { revokedAt: new Date() } });
    const response = await send(account);
    expect(response.status).toBe(401);
    expect(await db.message.count({ where: { accountId: account.accountId } })).toBe(1);
    expect((await checkLedger(account.accountId)).account).toMatchObject({ balance: 920n, reserved: 80n });
  });

  it("refuses a sender ID withdrawn and an account suspended after caching (422, 403)", async () => {
    const sender = await createTestAccount({ credits: 1_000 });
    await warm(sender);
    await db.senderId.updateMany({ where: { accountId: sender.accountId }, data: { status: "rejected" } });
    const withdrawn = await send(sender);
    expect(withdrawn.status).toBe(422);
    expect(withdrawn.body.error?.code).toBe("sender_id_not_approved");

    const suspended = await createTestAccount({ credits: 1_000 });
    await warm(suspended);
    await db.account.update({ where: { id: suspended.accountId }, data: { status: "suspended" } });
    expect((await send(suspended)).status).toBe(403);
    expect(await db.message.count({ where: { accountId: { in: [sender.accountId, suspended.accountId] } } })).toBe(2);
  });

  it("still answers 402 when the balance ran out after caching", async () => {
    const account = await createTestAccount({ credits: 100 });
    await warm(account);
    const response = await send(account);
    expect(response.status).toBe(402);
    expect(response.body.error?.code).toBe("insufficient_credits");
    expect((await checkLedger(account.accountId)).problems).toEqual([]);
  });
});
