import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { GET as getSenderId } from "@/app/api/v1/sender-ids/[id]/route";
import { DELETE as revokeKey } from "@/app/api/v1/api-keys/[id]/route";
import { POST as rotateKey } from "@/app/api/v1/api-keys/[id]/rotate/route";
import { GET as listKeys } from "@/app/api/v1/api-keys/route";
import { createTestAccount } from "@/tests/helpers/accounts";
import { callRoute } from "@/tests/helpers/http";

describe("tenant isolation", () => {
  it("gives account B a 404 for every id that belongs to account A", async () => {
    const a = await createTestAccount({ senderId: "ALPHA" });
    const b = await createTestAccount({ senderId: "BRAVO" });
    const senderA = await db.senderId.findFirstOrThrow({ where: { accountId: a.accountId } });
    const keyA = await db.apiKey.findFirstOrThrow({ where: { accountId: a.accountId } });

    expect((await callRoute(getSenderId, { apiKey: a.apiKey, params: { id: senderA.id } })).status).toBe(200);
    expect((await callRoute(getSenderId, { apiKey: b.apiKey, params: { id: senderA.id } })).status).toBe(404);
    expect((await callRoute(revokeKey, { method: "DELETE", apiKey: b.apiKey, params: { id: keyA.id } })).status).toBe(404);
    expect((await callRoute(rotateKey, { apiKey: b.apiKey, params: { id: keyA.id }, body: {} })).status).toBe(404);

    // A's key is untouched by B's attempts.
    const after = await db.apiKey.findUniqueOrThrow({ where: { id: keyA.id } });
    expect(after.revokedAt).toBeNull();
    expect(after.expiresAt).toBeNull();

    const listed = await callRoute<{ data: { id: string }[] }>(listKeys, { apiKey: b.apiKey });
    expect(listed.body.data.map((key) => key.id)).not.toContain(keyA.id);
  });

  it("answers ids that are not UUIDs with 404, not a database error", async () => {
    const a = await createTestAccount();
    const response = await callRoute(getSenderId, { apiKey: a.apiKey, params: { id: "1 OR 1=1" } });
    expect(response.status).toBe(404);
  });
});
