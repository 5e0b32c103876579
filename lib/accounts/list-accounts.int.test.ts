import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { listAccounts } from "@/lib/accounts/list-accounts";
import { createTestAccount } from "@/tests/helpers/accounts";

describe("listAccounts", () => {
  it("finds accounts by name or user email with their balances", async () => {
    const tag = randomBytes(4).toString("hex");
    const funded = await createTestAccount({ name: `Listing ${tag} funded`, credits: 12_345 });
    await createTestAccount({ name: `Listing ${tag} second`, credits: 1 });

    const byName = await listAccounts({ query: `listing ${tag}` });
    expect(byName.accounts.map((account) => account.name).sort()).toEqual([`Listing ${tag} funded`, `Listing ${tag} second`]);
    const row = byName.accounts.find((account) => account.id === funded.accountId)!;
    expect(row).toMatchObject({ balance: 12_345, reserved: 0, spent: 0, toppedUp: 12_345, ownerEmail: funded.email, userCount: 1, status: "active" });

    const byEmail = await listAccounts({ query: funded.email.toUpperCase() });
    expect(byEmail.accounts.map((account) => account.id)).toEqual([funded.accountId]);

    const paged = await listAccounts({ query: `listing ${tag}`, pageSize: 1 });
    expect(paged.accounts).toHaveLength(1);
    expect(paged.hasNextPage).toBe(true);
    const last = await listAccounts({ query: `listing ${tag}`, pageSize: 1, page: 2 });
    expect(last.hasNextPage).toBe(false);
    expect(last.accounts[0].id).not.toBe(paged.accounts[0].id);
  });
});
