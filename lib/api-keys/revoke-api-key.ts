import { db } from "@/lib/db";
import { publicFields } from "@/lib/api-keys/list-api-keys";
import { recordAudit } from "@/lib/audit/record-audit";
import { notFound } from "@/lib/http/errors";

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
