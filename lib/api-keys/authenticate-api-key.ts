import { db } from "@/lib/db";
import { hashApiKey, looksLikeApiKey } from "@/lib/api-keys/key-format";
import { AppError } from "@/lib/http/errors";
import { logger } from "@/lib/logger";

export interface ApiAuth {
  accountId: string;
  apiKeyId: string;
  defaultCountry: string;
}

// Writing last-used on every request would cost a row update per call; a minute's precision is enough.
const LAST_USED_PRECISION_MS = 60_000;

const unauthorized = (message: string) =>
  new AppError("unauthorized", message, undefined, { "www-authenticate": 'Bearer realm="sema-link"' });

export async function authenticateApiKey(authorization: string | null): Promise<ApiAuth> {
  if (!authorization) throw unauthorized("Missing Authorization header (expected: Bearer <api key>)");
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) throw unauthorized("Authorization header must be: Bearer <api key>");
  const key = match[1];
  if (!looksLikeApiKey(key)) throw unauthorized("Invalid API key");

  const row = await db.apiKey.findUnique({
    where: { hash: hashApiKey(key) },
    select: {
      id: true,
      accountId: true,
      revokedAt: true,
      expiresAt: true,
      lastUsedAt: true,
      account: { select: { status: true, defaultCountry: true } },
    },
  });
  const now = Date.now();
  if (!row) throw unauthorized("Invalid API key");
  if (row.revokedAt) throw unauthorized("API key has been revoked");
  if (row.expiresAt && row.expiresAt.getTime() <= now) throw unauthorized("API key has expired");
  if (row.account.status !== "active") throw new AppError("forbidden", "Account is suspended");

  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
    db.apiKey
      .update({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } })
      .catch((error: unknown) => logger.warn("could not record API key use", { apiKeyId: row.id, err: error }));
  }
  return { accountId: row.accountId, apiKeyId: row.id, defaultCountry: row.account.defaultCountry };
}
