import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { importOptOutsCsv } from "@/lib/opt-outs/import-opt-outs";
import { exportOptOutsCsv, optOutPhone } from "@/lib/opt-outs/manage-opt-outs";
import { recordConsent } from "@/lib/opt-outs/record-consent";
import { createTestAccount } from "@/tests/helpers/accounts";
import { uniquePhone } from "@/tests/helpers/two-way";

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe("consent records", () => {
  it("keeps the opt-out state equal to each phone's latest event, however changes race", async () => {
    const account = await createTestAccount();
    const phones = [uniquePhone(), uniquePhone()];
    await Promise.all(
      Array.from({ length: 24 }, (_, index) =>
        recordConsent([{ accountId: account.accountId, phone: phones[index % 2], action: index % 3 === 0 ? "opt_in" : "opt_out", source: "api" }]),
      ),
    );
    for (const phone of phones) {
      const latest = await db.consentEvent.findFirstOrThrow({ where: { accountId: account.accountId, phone }, orderBy: { id: "desc" } });
      const optedOut = await db.optOut.findUnique({ where: { accountId_phone: { accountId: account.accountId, phone } } });
      expect(optedOut !== null).toBe(latest.action === "opt_out");
      if (optedOut) expect(optedOut.consentEventId).toBe(latest.id);
    }
    expect(await db.consentEvent.count({ where: { accountId: account.accountId } })).toBe(24);
  });

  it("imports a CSV of opt-outs (header or not), reports bad rows, and exports the current list", async () => {
    const account = await createTestAccount();
    const user = await db.user.findFirstOrThrow({ where: { accountId: account.accountId } });
    const [a, b, c] = [uniquePhone(), uniquePhone(), uniquePhone()];
    await optOutPhone(account.accountId, a, "KE", { source: "portal", userId: user.id });

    const csv = `\uFEFFname,msisdn\nAmina,${a.replace("+254", "0")}\nBaraka,${b}\nBaraka again,${b.slice(1)}\nNobody,12345\nZawadi,"${c.slice(0, 7)} ${c.slice(7)}"\n`;
    const result = await importOptOutsCsv(account.accountId, csv, "KE", { source: "import", userId: user.id });
    expect(result).toEqual({ imported: 3, newlyOptedOut: 2, duplicates: 1, invalidCount: 1, invalid: [{ row: 5, value: "12345", reason: expect.any(String) }] });
    const events = await db.consentEvent.findMany({ where: { accountId: account.accountId, source: "import" } });
    expect(events).toHaveLength(3);
    expect(events.every((event) => event.userId === user.id && event.action === "opt_out")).toBe(true);

    const bare = await importOptOutsCsv(account.accountId, `${uniquePhone()}\n${uniquePhone()}\n`, "KE", { source: "import", userId: user.id });
    expect(bare).toMatchObject({ imported: 2, newlyOptedOut: 2, invalidCount: 0 });

    const exported = await readAll(exportOptOutsCsv(account.accountId));
    const lines = exported.trim().split("\r\n");
    expect(lines[0]).toBe("phone,source,opted_out_at");
    expect(lines).toHaveLength(6);
    expect(lines.slice(1).map((line) => line.split(",")[0])).toEqual(expect.arrayContaining([a, b, c]));
    expect(exported).toContain(`${a},portal,`);

    const other = await createTestAccount();
    expect((await readAll(exportOptOutsCsv(other.accountId))).trim()).toBe("phone,source,opted_out_at");
  });
});
