import { db } from "@/lib/db";
import { insertApiKey, type CreatedApiKey } from "@/lib/api-keys/create-api-key";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, notFound } from "@/lib/http/errors";

/**
 * Issues a replacement key; the old one keeps working for `graceHours`, then stops. A key past its
 * expiry (say, one rotated earlier whose grace is over) stays dead: rotating it would revive its access.
 */
export async function rotateApiKey(accountId: string, keyId: string, graceHours: number): Promise<CreatedApiKey & { replaces: string }> {
  return db.$transaction(async (tx) => {
    const old = await tx.apiKey.findFirst({ where: { id: keyId, accountId, revokedAt: null } });
    if (!old) throw notFound("API key");
    if (old.expiresAt && old.expiresAt.getTime() <= Date.now()) {
      throw new AppError("invalid_state", "This API key has expired and cannot be rotated; create a new key instead", [
        { field: "id", message: `expired at ${old.expiresAt.toISOString()}` },
      ]);
    }
    const expiresAt = new Date(Date.now() + graceHours * 3_600_000);
    if (!old.expiresAt || old.expiresAt > expiresAt) {
      await tx.apiKey.update({ where: { id: old.id }, data: { expiresAt } });
    }
    const created = await insertApiKey({ accountId, name: old.name, createdById: old.createdById }, tx);
    await recordAudit(
      {
        action: "api_key.rotate",
        accountId,
        target: { type: "api_key", id: old.id },
        before: { prefix: old.prefix, expiresAt: old.expiresAt },
        after: { prefix: old.prefix, expiresAt: old.expiresAt && old.expiresAt < expiresAt ? old.expiresAt : expiresAt, replacedBy: { id: created.id, prefix: created.prefix } },
      },
      tx,
    );
    return { ...created, replaces: old.id };
  });
}
