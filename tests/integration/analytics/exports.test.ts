import { randomUUID } from "node:crypto";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { monthlyStatementCsv } from "@/lib/analytics/monthly-statement";
import { exportLedgerCsv } from "@/lib/credits/export-ledger";
import { db } from "@/lib/db";
import { exportMessagesCsv, MESSAGE_CSV_HEADER } from "@/lib/messages/export-messages";
import { readMessagePage } from "@/lib/messages/search-messages";
import { createTestAccount } from "@/tests/helpers/accounts";

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string[][]> {
  const text = await new Response(stream).text();
  return Papa.parse<string[]>(text.trim(), { skipEmptyLines: true }).data;
}

async function seedMessages(accountId: string, count: number, base: Partial<{ body: string; operator: string; from: string }> = {}, startAt = Date.parse("2026-11-10T09:00:00Z")) {
  await db.message.createMany({
    data: Array.from({ length: count }, (_, index) => ({
      id: randomUUID(),
      accountId,
      to: `+2547120${String(index).padStart(5, "0")}`,
      from: base.from ?? "SEMATEST",
      body: base.body ?? `message ${index}`,
      encoding: "gsm7" as const,
      segments: 1,
      country: "KE",
      operator: base.operator ?? "Safaricom",
      status: "delivered" as const,
      cost: 80,
      chargeState: "captured" as const,
      // Several rows share each millisecond, so the keyset's id tie-break is exercised.
      createdAt: new Date(startAt + Math.floor(index / 3)),
    })),
  });
}

const context = (accountId: string) => ({ accountId, defaultCountry: "KE", timeZone: "Africa/Nairobi" });

describe("messages CSV export", () => {
  it("streams every matching row once across keyset pages, and only the account's", async () => {
    const mine = await createTestAccount();
    const theirs = await createTestAccount();
    await seedMessages(mine.accountId, 2_100);
    await seedMessages(mine.accountId, 5, { body: "Your OTP is 1234", operator: "Airtel" });
    await seedMessages(theirs.accountId, 10);
    const rows = await readAll(exportMessagesCsv(context(mine.accountId), {}));
    expect(rows[0]).toEqual(MESSAGE_CSV_HEADER);
    expect(rows).toHaveLength(1 + 2_105);
    const ids = new Set(rows.slice(1).map((row) => row[0]));
    expect(ids.size).toBe(2_105);
    const owned = await db.message.count({ where: { accountId: mine.accountId, id: { in: [...ids] } } });
    expect(owned).toBe(2_105);
  }, 120_000);

  it("applies the text, network and local-date filters", async () => {
    const account = await createTestAccount();
    await seedMessages(account.accountId, 3, { body: "Your OTP is 1234", operator: "Airtel" });
    await seedMessages(account.accountId, 4, { body: "Sale today" });
    const otp = await readAll(exportMessagesCsv(context(account.accountId), { q: "otp", network: "airtel" }));
    expect(otp.slice(1)).toHaveLength(3);
    // 09:00 UTC on the 10th is noon in Nairobi: inside the 10th, outside the 11th.
    expect((await readMessagePage(context(account.accountId), { since: "2026-11-10", until: "2026-11-10" }, undefined, 50)).data).toHaveLength(7);
    expect((await readMessagePage(context(account.accountId), { since: "2026-11-11" }, undefined, 50)).data).toHaveLength(0);
    const byNumber = await readMessagePage(context(account.accountId), { q: "0712000001" }, undefined, 50);
    expect(byNumber.data.every((row) => row.to === "+254712000001")).toBe(true);
    expect(byNumber.data.length).toBeGreaterThan(0);
  }, 60_000);
});

describe("ledger export and monthly statement", () => {
  it("exports the filtered ledger and sums the month per network", async () => {
    const account = await createTestAccount({ credits: 50_000 });
    await seedMessages(account.accountId, 2, { operator: "Airtel" }, Date.parse("2026-11-10T09:00:00Z"));
    const ledger = await readAll(exportLedgerCsv(account.accountId, "Africa/Nairobi", { type: "topup" }));
    expect(ledger.slice(1)).toHaveLength(1);
    expect(ledger[1].slice(2, 4)).toEqual(["topup", "500.00"]);
    const statement = Papa.parse<string[]>(await monthlyStatementCsv({ id: account.accountId, name: "Org", timezone: "Africa/Nairobi" }, "2026-11"), { skipEmptyLines: true }).data;
    expect(statement).toContainEqual(["network", "Airtel", "2", "2", "0", "0", "100.0", "2", "1.60"]);
    expect(statement.filter((row) => row[0] === "day")).toHaveLength(30);
  }, 60_000);
});
