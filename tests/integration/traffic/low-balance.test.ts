import { describe, expect, it } from "vitest";
import { PATCH as patchAccountRoute } from "@/app/api/v1/account/route";
import { POST as sendRoute } from "@/app/api/v1/messages/route";
import { topUpCredits } from "@/lib/credits/movements";
import { db } from "@/lib/db";
import { createTestAccount, type TestAccount } from "@/tests/helpers/accounts";
import { callRoute } from "@/tests/helpers/http";

const send = (account: TestAccount, body: string) =>
  callRoute<{ cost: number }>(sendRoute, { path: "/api/v1/messages", apiKey: account.apiKey, body: { from: account.senderId, to: "+254712345678", body } });

const alerts = async (accountId: string) => ({
  notifications: await db.notification.count({ where: { accountId, type: "account.low_balance" } }),
  events: await db.webhookEvent.findMany({ where: { accountId, type: "account.low_balance" }, select: { payload: true } }),
});

describe("low-balance alert", () => {
  it("fires once when concurrent sends cross the threshold, and again only after a top-up re-arms it", async () => {
    // 80 a message: 1,000 → 920 → 840 → 760, then the fourth send crosses the threshold of 700.
    const account = await createTestAccount({ credits: 1_000 });
    const patched = await callRoute<{ lowBalanceThreshold: number }>(patchAccountRoute, { method: "PATCH", path: "/api/v1/account", apiKey: account.apiKey, body: { lowBalanceThreshold: 700 } });
    expect(patched.body.lowBalanceThreshold).toBe(700);

    expect((await Promise.all([send(account, "a"), send(account, "b"), send(account, "c")])).map((result) => result.status)).toEqual([202, 202, 202]);
    expect((await alerts(account.accountId)).notifications).toBe(0);

    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => send(account, `race ${i}`)));
    expect(results.every((result) => result.status === 202)).toBe(true);
    const crossed = await alerts(account.accountId);
    expect(crossed.notifications).toBe(1);
    expect(crossed.events).toHaveLength(1);
    expect(crossed.events[0].payload).toMatchObject({ data: { threshold: 700 } });

    // Still below: no second alert. A top-up above the threshold re-arms it; the next crossing alerts again.
    await send(account, "below");
    expect((await alerts(account.accountId)).notifications).toBe(1);
    await topUpCredits(account.accountId, 500);
    expect((await db.account.findUniqueOrThrow({ where: { id: account.accountId }, select: { balance: true } })).balance).toBe(700n);
    await send(account, "crosses again");
    expect((await alerts(account.accountId)).notifications).toBe(2);
  });

  it("refuses bad thresholds with 422", async () => {
    const account = await createTestAccount();
    for (const bad of [-1, 1.5, "100", 1e15]) {
      const refused = await callRoute<{ error: { code: string } }>(patchAccountRoute, { method: "PATCH", path: "/api/v1/account", apiKey: account.apiKey, body: { lowBalanceThreshold: bad } });
      expect(refused.status, String(bad)).toBe(422);
    }
  });
});
