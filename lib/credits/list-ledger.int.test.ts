import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { captureCredits, releaseCredits, reserveCredits, topUpCredits } from "@/lib/credits/movements";
import { listLedger } from "@/lib/credits/list-ledger";
import { checkLedger } from "@/lib/credits/check-ledger";
import { createTestAccount } from "@/tests/helpers/accounts";

describe("listLedger", () => {
  it("lists one account's movements newest first, page by page, with a type filter", async () => {
    const account = await createTestAccount({ credits: 10_000 });
    const other = await createTestAccount({ credits: 777 });
    await db.$transaction(async (tx) => {
      await reserveCredits(tx, account.accountId, 160, { description: "reserve A" });
      await captureCredits(tx, account.accountId, 80, { description: "capture A" });
      await releaseCredits(tx, account.accountId, 80, { description: "release A" });
    });
    await topUpCredits(account.accountId, 2_500, { description: "second top-up" });

    const first = await listLedger(account.accountId, { pageSize: 3 });
    expect(first.entries.map((entry) => [entry.type, entry.amount])).toEqual([
      ["topup", 2_500],
      ["release", 80],
      ["capture", 80],
    ]);
    expect(first.hasNextPage).toBe(true);

    const second = await listLedger(account.accountId, { pageSize: 3, page: "2" });
    expect(second.entries.map((entry) => [entry.type, entry.amount])).toEqual([
      ["reserve", 160],
      ["topup", 10_000],
    ]);
    expect(second.hasNextPage).toBe(false);

    const topUps = await listLedger(account.accountId, { type: "topup" });
    expect(topUps.entries.map((entry) => entry.description)).toEqual(["second top-up", "Opening credit"]);
    expect(topUps.type).toBe("topup");

    // Another account's rows never appear; junk query values fall back to defaults.
    const junk = await listLedger(other.accountId, { page: "-3", pageSize: "lots", type: "bogus" });
    expect(junk).toMatchObject({ page: 1, pageSize: 25, type: undefined, hasNextPage: false });
    expect(junk.entries.map((entry) => entry.amount)).toEqual([777]);

    expect((await checkLedger(account.accountId)).problems).toEqual([]);
  });
});
