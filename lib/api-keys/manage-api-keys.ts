import { db } from "@/lib/db";
import { insertApiKey, type CreatedApiKey } from "@/lib/api-keys/create-api-key";
import { recordAudit } from "@/lib/audit/record-audit";
import { notFound } from "@/lib/http/errors";

const publicFields = {
  id: true,
  name: true,
  prefix: true,
  lastUsedAt: true,
  expiresAt: true,
  revokedAt: true,
  createdAt: true,
} as const;

export async function listApiKeys(accountId: string) {
  return db.apiKey.findMany({ where: { accountId }, select: publicFields, orderBy: { createdAt: "desc" } });
}

export async function revokeApiKey(accountId: string, keyId: string) {
  const { count } = await db.apiKey.updateMany({
    where: { id: keyId, accountId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) {
    const exists = await db.apiKey.findFirst({ where: { id: keyId, accountId }, select: publicFields });
    if (!exists) throw notFound("API key");
    return exists;
  }
  const revoked = await db.apiKey.findFirstOrThrow({ where: { id: keyId, accountId }, select: publicFields });
  await recordAudit({
    action: "api_key.revoke",
    accountId,
    target: { type: "api_key", id: keyId },
    before: { name: revoked.name, prefix: revoked.prefix, revokedAt: null },
    after: { name: revoked.name, prefix: revoked.prefix, revokedAt: revoked.revokedAt },
  });
  return revoked;
}

/** Issues a replacement key; the old one keeps working for `graceHours`, then stops. */
export async function rotateApiKey(accountId: string, keyId: string, graceHours: number): Promise<CreatedApiKey & { replaces: string }> {
  return db.$transaction(async (tx) => {
    const old = await tx.apiKey.findFirst({ where: { id: keyId, accountId, revokedAt: null } });
    if (!old) throw notFound("API key");
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
