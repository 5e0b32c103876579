import { db } from "@/lib/db";

/** The columns of an API key that its account sees (never the hash). */
export const publicFields = {
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
