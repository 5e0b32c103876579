import { execFile } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { POST as rotateRoute } from "@/app/api/v1/api-keys/[id]/rotate/route";
import { checkLedger } from "@/lib/credits/check-ledger";
import { MAX_TOP_UP_MINOR } from "@/lib/credits/schemas";
import { db } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import { decideSenderId } from "@/lib/sender-ids/decide-sender-id";
import { requestSenderId } from "@/lib/sender-ids/request-sender-id";
import { createTestAccount } from "@/tests/helpers/accounts";
import { callRoute } from "@/tests/helpers/http";

const ROOT = path.resolve(import.meta.dirname, "..", "..", "..");

/** `npx smsctl …` against this run's database. */
function smsctl(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(path.join(ROOT, "node_modules", ".bin", "tsx"), ["scripts/smsctl.ts", ...args], { cwd: ROOT, env: process.env, timeout: 40_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

async function balances(accountId: string) {
  return db.account.findUniqueOrThrow({ where: { id: accountId }, select: { balance: true, toppedUp: true } });
}

describe("smsctl account topup", () => {
  it("is bounded like the portal's top-up: one over the cap is refused and writes nothing, the cap itself is accepted", { timeout: 60_000 }, async () => {
    const account = await createTestAccount({ credits: 1_000 });
    const capKes = String(MAX_TOP_UP_MINOR / 100);
    const [over, createOver] = await Promise.all([
      smsctl(["account", "topup", "--account", account.accountId, "--amount", `${capKes}.01`]),
      smsctl(["account", "create", "--name", "Too rich", "--credits", "99999999999"]),
    ]);
    expect(over.code).toBe(2);
    expect(JSON.parse(over.stderr)).toEqual({ error: { code: "usage", message: "--amount: At most KES 10,000,000 per top-up" } });
    expect(await balances(account.accountId)).toEqual({ balance: 1_000n, toppedUp: 1_000n });
    expect(createOver.code).toBe(2);
    expect(await db.account.count({ where: { name: "Too rich" } })).toBe(0);

    const atCap = await smsctl(["account", "topup", "--account", account.accountId, "--amount", capKes]);
    expect(atCap.code).toBe(0);
    expect(await balances(account.accountId)).toEqual({ balance: BigInt(1_000 + MAX_TOP_UP_MINOR), toppedUp: BigInt(1_000 + MAX_TOP_UP_MINOR) });
    expect((await checkLedger(account.accountId)).problems).toEqual([]);
  });
});

describe("API key rotation", () => {
  it("refuses to rotate a key whose grace period is over (409), while a key still in its grace period can be rotated", async () => {
    const account = await createTestAccount();
    const original = await db.apiKey.findFirstOrThrow({ where: { accountId: account.accountId }, select: { id: true } });
    const rotate = (keyId: string, apiKey: string, graceHours: number) =>
      callRoute<{ id: string; key: string; error?: { code: string; message: string } }>(rotateRoute, {
        apiKey,
        path: `/v1/api-keys/${keyId}/rotate`,
        body: { graceHours },
        params: { id: keyId },
      });

    const first = await rotate(original.id, account.apiKey, 0);
    expect(first.status).toBe(201);
    const again = await rotate(original.id, first.body.key, 24);
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: "invalid_state", message: expect.stringContaining("has expired and cannot be rotated") });
    expect(await db.apiKey.count({ where: { accountId: account.accountId } })).toBe(2);

    const inGrace = await rotate(first.body.id, first.body.key, 24);
    expect(inGrace.status).toBe(201);
    expect((await rotate(first.body.id, inGrace.body.key, 24)).status).toBe(201);
  });
});

describe("sender ID decisions", () => {
  it("refuse a rejection without a reason (422) and leave the request pending; a rejection with one is stored", async () => {
    const account = await createTestAccount();
    const requested = await requestSenderId(account.accountId, { value: "NOREASON" });
    for (const reason of [undefined, "", "   "]) {
      const refused = await decideSenderId(requested.id, "rejected", null, reason).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(AppError);
      expect(refused).toMatchObject({ code: "validation_failed", status: 422, message: "Give the customer a reason for the rejection" });
    }
    expect(await db.senderId.findUniqueOrThrow({ where: { id: requested.id }, select: { status: true } })).toEqual({ status: "pending" });

    const rejected = await decideSenderId(requested.id, "rejected", null, "Brand not registered to this account");
    expect(rejected).toMatchObject({ status: "rejected", reason: "Brand not registered to this account" });
  });
});
