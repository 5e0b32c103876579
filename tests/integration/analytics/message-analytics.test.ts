import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getMessageAnalytics } from "@/lib/analytics/get-message-analytics";
import { db } from "@/lib/db";
import type { MessageStatus } from "@/lib/messages/status";
import { createTestAccount } from "@/tests/helpers/accounts";

interface Seed {
  at: string;
  status: MessageStatus;
  operator?: string;
  cost?: number;
  captured?: boolean;
}

/** Messages with chosen times and outcomes, and a ledger capture for each captured one at the same instant. */
async function seed(accountId: string, rows: Seed[]): Promise<void> {
  const messages = rows.map((row) => ({
    id: randomUUID(),
    accountId,
    to: "+254712000000",
    from: "SEMATEST",
    body: "history",
    encoding: "gsm7" as const,
    segments: 1,
    country: "KE",
    operator: row.operator ?? "Safaricom",
    status: row.status,
    cost: row.cost ?? 80,
    chargeState: row.captured ? ("captured" as const) : row.status === "delivered" ? ("captured" as const) : ("reserved" as const),
    createdAt: new Date(row.at),
  }));
  await db.message.createMany({ data: messages });
  const captures = messages.filter((message) => message.chargeState === "captured");
  await db.ledgerEntry.createMany({
    data: captures.map((message) => ({ accountId, type: "capture" as const, amount: BigInt(message.cost), messageId: message.id, createdAt: message.createdAt })),
  });
}

const NOW = new Date("2026-11-20T12:00:00Z");

describe("getMessageAnalytics", () => {
  it("groups by the account's calendar day, not UTC's", async () => {
    const account = await createTestAccount();
    // 22:30 UTC on the 18th is 01:30 on the 19th in Nairobi (UTC+3); 20:30 UTC stays on the 18th.
    await seed(account.accountId, [
      { at: "2026-11-18T22:30:00Z", status: "delivered" },
      { at: "2026-11-18T20:30:00Z", status: "failed" },
    ]);
    const nairobi = await getMessageAnalytics(account.accountId, "Africa/Nairobi", "7d", NOW);
    expect(nairobi.days).toHaveLength(7);
    expect(nairobi.from).toBe("2026-11-14");
    expect(nairobi.to).toBe("2026-11-20");
    const byDay = Object.fromEntries(nairobi.days.map((day) => [day.day, day]));
    expect(byDay["2026-11-19"]).toMatchObject({ delivered: 1, failed: 0, total: 1, spent: 80 });
    expect(byDay["2026-11-18"]).toMatchObject({ delivered: 0, failed: 1, total: 1, spent: 0 });

    const utc = await getMessageAnalytics(account.accountId, "UTC", "7d", NOW);
    const utcDay = utc.days.find((day) => day.day === "2026-11-18");
    expect(utcDay).toMatchObject({ delivered: 1, failed: 1, total: 2, spent: 80 });
  });

  it("starts the period at the account's local midnight", async () => {
    const account = await createTestAccount();
    // 7 days to 20 Nov in Nairobi begin at 14 Nov 00:00 +03:00 = 13 Nov 21:00 UTC.
    await seed(account.accountId, [
      { at: "2026-11-13T20:59:59Z", status: "delivered" },
      { at: "2026-11-13T21:00:00Z", status: "delivered" },
    ]);
    const analytics = await getMessageAnalytics(account.accountId, "Africa/Nairobi", "7d", NOW);
    expect(analytics.totals.total).toBe(1);
    expect(analytics.days[0]).toMatchObject({ day: "2026-11-14", delivered: 1 });
  });

  it("reports delivery rate and cost per network over final messages", async () => {
    const account = await createTestAccount();
    await seed(account.accountId, [
      { at: "2026-11-20T08:00:00Z", status: "delivered", operator: "Safaricom", cost: 80 },
      { at: "2026-11-20T08:00:01Z", status: "delivered", operator: "Safaricom", cost: 80 },
      { at: "2026-11-20T08:00:02Z", status: "delivered", operator: "Safaricom", cost: 80 },
      { at: "2026-11-20T08:00:03Z", status: "failed", operator: "Safaricom", cost: 80 },
      { at: "2026-11-20T08:00:04Z", status: "sent", operator: "Safaricom", cost: 80 },
      { at: "2026-11-20T08:00:05Z", status: "delivered", operator: "Airtel", cost: 70 },
      { at: "2026-11-20T08:00:06Z", status: "undeliverable", operator: "Airtel", cost: 70 },
      { at: "2026-11-20T08:00:07Z", status: "submitted", operator: "Telkom", cost: 90 },
    ]);
    const analytics = await getMessageAnalytics(account.accountId, "Africa/Nairobi", "30d", NOW);
    expect(analytics.days).toHaveLength(30);
    const networks = Object.fromEntries(analytics.networks.map((row) => [row.operator, row]));
    expect(networks.Safaricom).toMatchObject({ total: 5, delivered: 3, notDelivered: 1, pending: 1, spent: 240, deliveryRate: 0.75 });
    expect(networks.Airtel).toMatchObject({ total: 2, delivered: 1, notDelivered: 1, spent: 70, deliveryRate: 0.5 });
    expect(networks.Telkom).toMatchObject({ total: 1, pending: 1, deliveryRate: null });
    expect(analytics.networks[0].operator).toBe("Safaricom");
    expect(analytics.totals).toMatchObject({ total: 8, delivered: 4, notDelivered: 2, pending: 2, spent: 310 });
    expect(analytics.totals.deliveryRate).toBeCloseTo(4 / 6);
    const today = analytics.days.at(-1);
    expect(today).toMatchObject({ day: "2026-11-20", delivered: 4, failed: 2, sent: 1, pending: 1, total: 8, spent: 310 });
  });

  it("covers the calendar month so far", async () => {
    const account = await createTestAccount();
    await seed(account.accountId, [
      { at: "2026-10-31T20:00:00Z", status: "delivered" },
      { at: "2026-10-31T22:00:00Z", status: "delivered" },
    ]);
    const analytics = await getMessageAnalytics(account.accountId, "Africa/Nairobi", "month", NOW);
    expect(analytics.from).toBe("2026-11-01");
    expect(analytics.days).toHaveLength(20);
    expect(analytics.totals.total).toBe(1);
  });

  it("never counts another account's messages or spend", async () => {
    const mine = await createTestAccount();
    const theirs = await createTestAccount();
    await seed(theirs.accountId, [{ at: "2026-11-20T08:00:00Z", status: "delivered", cost: 999 }]);
    const analytics = await getMessageAnalytics(mine.accountId, "Africa/Nairobi", "7d", NOW);
    expect(analytics.networks).toEqual([]);
    expect(analytics.totals).toMatchObject({ total: 0, spent: 0, deliveryRate: null });
    expect(analytics.days.every((day) => day.total === 0 && day.spent === 0)).toBe(true);
  });
});
