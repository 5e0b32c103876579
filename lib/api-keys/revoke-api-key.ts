import { db } from "@/lib/db";
import { publicFields } from "@/lib/api-keys/list-api-keys";
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
  return db.apiKey.findFirstOrThrow({ where: { id: keyId, accountId }, select: publicFields });
}
