import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { GET as getBalance } from "@/app/api/v1/balance/route";
import { POST as createKey } from "@/app/api/v1/api-keys/route";
import { DELETE as revokeKey } from "@/app/api/v1/api-keys/[id]/route";
import { POST as rotateKey } from "@/app/api/v1/api-keys/[id]/rotate/route";
import { createTestAccount } from "@/tests/helpers/accounts";
import { callRoute } from "@/tests/helpers/http";

type ErrorBody = { error: { code: string; message: string; details?: unknown } };

describe("API key authentication", () => {
  it("accepts a valid key and records when it was last used", async () => {
    const account = await createTestAccount({ credits: 12_345 });
    const response = await callRoute(getBalance, { apiKey: account.apiKey });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ balance: 12_345, reserved: 0, spent: 0, currency: "KES" });
    await expect
      .poll(async () => (await db.apiKey.findFirst({ where: { accountId: account.accountId } }))?.lastUsedAt)
      .not.toBeNull();
  });

  it("rejects a missing, malformed or unknown key with 401 in the error shape", async () => {
    const attempts: Record<string, string>[] = [
      {},
      { authorization: "Basic abc" },
      { authorization: "Bearer sl_live_not-a-real-key-0000000000000000" },
    ];
    for (const headers of attempts) {
      const response = await callRoute<ErrorBody>(getBalance, { headers });
      expect(response.status).toBe(401);
      expect(response.body.error.code).toBe("unauthorized");
      expect(response.body.error.message).toEqual(expect.any(String));
      expect(response.headers.get("www-authenticate")).toContain("Bearer");
    }
  });

  it("stops accepting a key once it is revoked", async () => {
    const account = await createTestAccount();
    const created = await callRoute<{ id: string; key: string }>(createKey, { apiKey: account.apiKey, body: { name: "to revoke" } });
    expect(created.status).toBe(201);
    expect(created.body.key).toMatch(/^sl_live_/);
    expect((await callRoute(getBalance, { apiKey: created.body.key })).status).toBe(200);

    const revoked = await callRoute(revokeKey, { method: "DELETE", apiKey: account.apiKey, params: { id: created.body.id } });
    expect(revoked.status).toBe(200);
    const after = await callRoute<ErrorBody>(getBalance, { apiKey: created.body.key });
    expect(after.status).toBe(401);
    expect(after.body.error.message).toMatch(/revoked/);
  });

  it("stores only a hash of the key", async () => {
    const account = await createTestAccount();
    const rows = await db.apiKey.findMany({ where: { accountId: account.accountId } });
    expect(rows).toHaveLength(1);
    expect(rows[0].hash).not.toContain(account.apiKey);
    expect(rows[0].hash).toMatch(/^[0-9a-f]{64}$/);
    expect(account.apiKey.startsWith(rows[0].prefix)).toBe(true);
  });

  it("rotation issues a new key while the old one keeps working until its grace period ends", async () => {
    const account = await createTestAccount();
    const [key] = await db.apiKey.findMany({ where: { accountId: account.accountId } });
    const rotated = await callRoute<{ key: string; replaces: string }>(rotateKey, {
      apiKey: account.apiKey,
      params: { id: key.id },
      body: { graceHours: 0 },
    });
    expect(rotated.status).toBe(201);
    expect(rotated.body.replaces).toBe(key.id);
    expect((await callRoute(getBalance, { apiKey: rotated.body.key })).status).toBe(200);
    expect((await callRoute(getBalance, { apiKey: account.apiKey })).status).toBe(401);
  });

  it("refuses keys of a suspended account with 403", async () => {
    const account = await createTestAccount();
    await db.account.update({ where: { id: account.accountId }, data: { status: "suspended" } });
    const response = await callRoute<ErrorBody>(getBalance, { apiKey: account.apiKey });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe("forbidden");
  });
});
