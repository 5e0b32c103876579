import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkLedger } from "@/lib/credits/check-ledger";
import { db } from "@/lib/db";
import { createTestAccount } from "@/tests/helpers/accounts";

const ROOT = path.resolve(import.meta.dirname, "..", "..", "..");

/** `npx smsctl …` against this run's database. */
function smsctl(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(path.join(ROOT, "node_modules", ".bin", "tsx"), ["scripts/smsctl.ts", ...args], { cwd: ROOT, env: process.env, timeout: 40_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe("smsctl send to several recipients, and accounts created empty", () => {
  it("sends to repeated --to and to a --file of numbers through the batch flow; creates an account with --credits 0", { timeout: 90_000 }, async () => {
    const account = await createTestAccount({ credits: 10_000 });
    const directory = await mkdtemp(path.join(os.tmpdir(), "smsctl-send-"));
    const file = path.join(directory, "numbers.csv");
    await writeFile(file, "phone,name\n0712000011,Amina\n0712000012,Baraka\nnot-a-number,Chege\n");

    const [repeated, fromFile, empty] = await Promise.all([
      smsctl(["send", "--account", account.accountId, "--to", "0712000001", "--to", "0712000002", "--to", "12", "--from", account.senderId, "--body", "Many"]),
      smsctl(["send", "--account", account.accountId, "--file", file, "--from", account.senderId, "--body", "From file"]),
      smsctl(["account", "create", "--name", "Starts empty", "--credits", "0"]),
    ]);

    expect(repeated.code, repeated.stderr).toBe(0);
    const sent = JSON.parse(repeated.stdout) as { accepted: number; refused: number; results: { status: string; to: string | null }[] };
    expect(sent).toMatchObject({ accepted: 2, refused: 1 });
    expect(sent.results.map((result) => [result.status, result.to])).toEqual([
      ["submitted", "+254712000001"],
      ["submitted", "+254712000002"],
      ["refused", "12"],
    ]);

    expect(fromFile.code, fromFile.stderr).toBe(0);
    expect(JSON.parse(fromFile.stdout)).toMatchObject({ accepted: 2, refused: 1 });
    expect(await db.message.count({ where: { accountId: account.accountId, body: "From file" } })).toBe(2);
    expect((await checkLedger(account.accountId)).problems).toEqual([]);

    expect(empty.code, empty.stderr).toBe(0);
    const created = JSON.parse(empty.stdout) as { accountId: string; credits: { minor: number } };
    expect(created.credits.minor).toBe(0);
    expect(await db.account.findUniqueOrThrow({ where: { id: created.accountId }, select: { balance: true, toppedUp: true } })).toEqual({ balance: 0n, toppedUp: 0n });

    const negative = await smsctl(["account", "create", "--name", "Below zero", "--credits", "-5"]);
    expect(negative.code).toBe(2);
  });
});
