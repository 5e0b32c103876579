import { describe, expect, it } from "vitest";
import { PATCH as patchAccountRoute } from "@/app/api/v1/account/route";
import { POST as batchRoute } from "@/app/api/v1/messages/batch/route";
import { POST as optOutRoute } from "@/app/api/v1/opt-outs/route";
import { db } from "@/lib/db";
import { getQueue } from "@/lib/queue/enqueue";
import { createTestAccount } from "@/tests/helpers/accounts";
import { callRoute } from "@/tests/helpers/http";

const ZONE = "Africa/Nairobi";

/** HH:MM in the account's zone, `offsetMinutes` from now. */
function localTime(offsetMinutes: number): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone: ZONE, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(Date.now() + offsetMinutes * 60_000));
}

type BatchResult = { index: number; status: string; messageId?: string; class?: string; scheduledFor?: string; error?: { code: string } };

describe("batch sends: classes and quiet hours", () => {
  it("stores each item's class (request default, item override) and holds promotional items inside quiet hours", async () => {
    const account = await createTestAccount({ credits: 10_000 });
    await db.account.update({ where: { id: account.accountId }, data: { timezone: ZONE } });
    const patched = await callRoute(patchAccountRoute, { method: "PATCH", apiKey: account.apiKey, body: { quietHours: { start: localTime(-60), end: localTime(60) } } });
    expect(patched.status).toBe(200);

    const response = await callRoute<{ results: BatchResult[] }>(batchRoute, {
      apiKey: account.apiKey,
      body: {
        from: account.senderId,
        body: "Weekend offer",
        class: "promotional",
        messages: [{ to: "+254712345601" }, { to: "+254712345602", class: "transactional", body: "Your code is 1234" }, { to: "+254712345603", class: "bogus" }],
      },
    });
    expect(response.status).toBe(202);
    const [promotional, transactional, refused] = response.body.results;
    expect(promotional).toMatchObject({ status: "submitted", class: "promotional" });
    expect(new Date(promotional.scheduledFor!).getTime() - Date.now()).toBeGreaterThan(58 * 60_000);
    expect(transactional).toMatchObject({ status: "submitted", class: "transactional" });
    expect(transactional.scheduledFor).toBeUndefined();
    expect(refused).toMatchObject({ status: "refused", error: { code: "validation_failed" } });

    const stored = await db.message.findMany({ where: { accountId: account.accountId }, select: { id: true, messageClass: true, notBefore: true } });
    const byId = new Map(stored.map((message) => [message.id, message]));
    expect(byId.get(promotional.messageId!)).toMatchObject({ messageClass: "promotional" });
    expect(byId.get(promotional.messageId!)?.notBefore?.toISOString()).toBe(promotional.scheduledFor);
    expect(byId.get(transactional.messageId!)).toMatchObject({ messageClass: "transactional", notBefore: null });

    // The held item waits in a delayed job; the transactional one is ready now.
    const delayed = await getQueue("smsNormal").getJobs(["delayed"]);
    const waiting = await getQueue("smsNormal").getJobs(["waiting", "prioritized"]);
    const idsOf = (jobs: { data: { messageIds?: string[] } }[]) => jobs.flatMap((job) => job.data.messageIds ?? []);
    expect(idsOf(delayed)).toContain(promotional.messageId);
    expect(idsOf(waiting)).toContain(transactional.messageId);
  });

  it("refuses an opted-out recipient as its own item, and sends the rest", async () => {
    const account = await createTestAccount({ credits: 10_000 });
    expect((await callRoute(optOutRoute, { apiKey: account.apiKey, body: { phone: "0712345611" } })).status).toBeLessThan(300);
    const response = await callRoute<{ accepted: number; results: BatchResult[] }>(batchRoute, {
      apiKey: account.apiKey,
      body: { from: account.senderId, body: "Hello", to: ["0712345611", "0712345612"] },
    });
    expect(response.status).toBe(202);
    expect(response.body.accepted).toBe(1);
    expect(response.body.results.map((result) => result.status === "refused" ? result.error?.code : result.status)).toEqual(["opted_out", "submitted"]);
    expect(await db.message.count({ where: { accountId: account.accountId } })).toBe(1);
  });

  it("announces a low balance once when a batch's reservation crosses the threshold", async () => {
    const account = await createTestAccount({ credits: 1_000 });
    expect((await callRoute(patchAccountRoute, { method: "PATCH", apiKey: account.apiKey, body: { lowBalanceThreshold: 700 } })).status).toBe(200);
    const response = await callRoute<{ accepted: number }>(batchRoute, {
      apiKey: account.apiKey,
      body: { from: account.senderId, body: "Hello", to: ["0712345631", "0712345632", "0712345633", "0712345634"] },
    });
    expect(response.status, JSON.stringify(response.body)).toBe(202);
    expect(response.body.accepted).toBe(4);
    expect(await db.notification.count({ where: { accountId: account.accountId, type: "account.low_balance" } })).toBe(1);
  });
});
