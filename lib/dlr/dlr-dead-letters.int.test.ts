import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { cliCommands } from "@/lib/cli/commands";
import { listDlrDeadLetters, type DlrDeadLetterList } from "@/lib/dlr/list-dlr-dead-letters";
import { parkFailedDlr, recordRejectedDlrs } from "@/lib/dlr/record-dlr-dead-letters";
import { resolveDlrDeadLetter } from "@/lib/dlr/resolve-dlr-dead-letter";

describe("DLR dead letters for operators", () => {
  it("counts rejected and parked reports per stage and reason, masks phone numbers, and resolves one", async () => {
    // Reasons unique to this test, so reports other test files record at the same time do not count.
    const tag = randomBytes(4).toString("hex");
    const receivedAt = new Date();
    await recordRejectedDlrs([
      { provider: "celcom", reason: `test_${tag}`, message: "timestamp: bad", providerMessageId: "8290842", raw: { messageid: "8290842", timestamp: "99999-01-01 00:00:00", mobile: "+254712345678", note: "NUL\u0000here, call 0712345678" }, receivedAt },
      { provider: "celcom", reason: `test_${tag}`, message: "unusable", providerMessageId: "bad\u0000id", raw: "\ud800", receivedAt },
    ]);
    const statementError = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: "22021", severity: "ERROR" });
    await parkFailedDlr(
      { provider: "celcom", providerMessageId: `parked-${tag}`, description: "Delivered\u0000", status: "delivered", occurredAt: null, receivedAt, payload: {} },
      statementError,
    );

    const listed = await listDlrDeadLetters({ limit: 500 });
    expect(listed.counts.find((count) => count.reason === `test_${tag}`)).toMatchObject({ stage: "callback", total: 2, unresolved: 2 });
    expect(listed.counts.find((count) => count.reason === "sqlstate_22021" && count.stage === "batch")?.unresolved).toBeGreaterThanOrEqual(1);
    const mine = listed.recent.filter((item) => item.reason === `test_${tag}`);
    expect(mine.map((item) => item.providerMessageId)).toEqual([null, "8290842"]);
    const withPhone = mine.find((item) => item.providerMessageId === "8290842")!;
    expect(withPhone.report).not.toContain("712345678");
    expect(withPhone.report).toContain('"messageid":"8290842"');
    expect(withPhone.report).toContain('"timestamp":"99999-01-01 00:00:00"');
    expect(withPhone.report).toContain("NUL\\u0000here, call 07");
    expect(mine[0].report).toBe('"\\ud800"');
    const parked = listed.recent.find((item) => item.providerMessageId === `parked-${tag}`)!;
    expect(parked).toMatchObject({ stage: "batch", reason: "sqlstate_22021" });
    expect(parked.error).toBe('22021: invalid byte sequence for encoding "UTF8": 0x00');
    expect(parked.report).toContain("Delivered\\u0000");

    const resolved = await resolveDlrDeadLetter(BigInt(withPhone.id));
    expect(resolved.id).toBe(withPhone.id);
    const again = await resolveDlrDeadLetter(BigInt(withPhone.id));
    expect(again.resolvedAt).toEqual(resolved.resolvedAt);
    await expect(resolveDlrDeadLetter(10n ** 17n)).rejects.toMatchObject({ code: "not_found" });
    const after = await listDlrDeadLetters({ limit: 500 });
    expect(after.counts.find((count) => count.reason === `test_${tag}`)).toMatchObject({ total: 2, unresolved: 1 });
    expect(after.recent.some((item) => item.id === withPhone.id)).toBe(false);
    expect((await listDlrDeadLetters({ limit: 500, includeResolved: true, stage: "callback" })).recent.some((item) => item.id === withPhone.id)).toBe(true);
    await expect(listDlrDeadLetters({ limit: 0 })).rejects.toMatchObject({ code: "validation_failed" });
  });

  it("lists them from smsctl dlr dead-letters and refuses a malformed id to dlr resolve", async () => {
    // The command as smsctl runs it (smsctl itself only parses arguments and prints the result as JSON).
    const listed = (await cliCommands["dlr dead-letters"].run({ limit: "2", stage: "batch" })) as DlrDeadLetterList;
    expect(listed.recent.length).toBeGreaterThanOrEqual(1);
    expect(listed.recent.length).toBeLessThanOrEqual(2);
    expect(listed.recent.every((item) => item.stage === "batch")).toBe(true);
    expect(listed.counts.length).toBeGreaterThanOrEqual(1);
    await expect(cliCommands["dlr dead-letters"].run({ limit: "0" })).rejects.toMatchObject({ code: "validation_failed" });
    await expect(cliCommands["dlr resolve"].run({ id: "x" })).rejects.toThrow("--id must be a dead letter id");
  });
});
