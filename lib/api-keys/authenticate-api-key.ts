import { hotQuery, Prisma } from "@/lib/db";
import { hashApiKey, looksLikeApiKey } from "@/lib/api-keys/key-format";
import { AppError } from "@/lib/http/errors";
import { logger } from "@/lib/logger";
import { setContextActor } from "@/lib/observability/request-context";

export interface ApiAuth {
  accountId: string;
  apiKeyId: string;
  defaultCountry: string;
  /** The account's API rate limit override (requests per second); null = the configured default. */
  rateLimitPerSecond: number | null;
}

// Writing last-used on every request would cost a row update per call; a minute's precision is enough.
const LAST_USED_PRECISION_MS = 60_000;

interface ApiKeyRow {
  id: string;
  prefix: string;
  account_id: string;
  revoked_at: Date | null;
  expires_at: Date | null;
  last_used_at: Date | null;
  account_status: string;
  default_country: string;
  api_rate_limit: number | null;
}

// Concurrent requests with one key would otherwise each write the same minute's last-used time.
const lastUsedWrites = new Map<string, number>();

const unauthorized = (message: string) =>
  new AppError("unauthorized", message, undefined, { "www-authenticate": 'Bearer realm="sema-link"' });

function recordUse(apiKeyId: string, lastUsedAt: Date | null, now: number): void {
  const lastKnown = Math.max(lastUsedAt?.getTime() ?? 0, lastUsedWrites.get(apiKeyId) ?? 0);
  if (now - lastKnown <= LAST_USED_PRECISION_MS) return;
  lastUsedWrites.set(apiKeyId, now);
  hotQuery("api_key_touch", Prisma.sql`UPDATE api_keys SET last_used_at = ${new Date(now)} WHERE id = ${apiKeyId}::uuid`).catch((error: unknown) =>
    logger.warn("could not record API key use", { apiKeyId, err: error }),
  );
}

/** The API key in an Authorization header; a missing or malformed header is 401 before any query. */
function bearerKey(authorization: string | null): string {
  if (!authorization) throw unauthorized("Missing Authorization header (expected: Bearer <api key>)");
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) throw unauthorized("Authorization header must be: Bearer <api key>");
  const key = match[1];
  if (!looksLikeApiKey(key)) throw unauthorized("Invalid API key");
  return key;
}

export async function authenticateApiKey(authorization: string | null): Promise<ApiAuth> {
  return (await authenticateApiKeyWith(authorization, "api_key_lookup", Prisma.empty)).auth;
}

/**
 * Authenticates like `authenticateApiKey` and, in the same query, selects `columns` (a list that
 * starts with a comma, over the key's account aliased `a`): a request that needs account data
 * right after authentication saves a round trip. `statementName` names that query's SQL text.
 * The extra columns are only returned once the key and the account have passed every check.
 */
export async function authenticateApiKeyWith<Extra extends object>(
  authorization: string | null,
  statementName: string,
  columns: Prisma.Sql,
): Promise<{ auth: ApiAuth; row: Extra }> {
  const key = bearerKey(authorization);
  // Every authenticated request runs this lookup, so it skips Prisma's per-call query compilation.
  const [row] = await hotQuery<ApiKeyRow & Extra>(
    statementName,
    Prisma.sql`
      SELECT k.id, k.prefix, k.account_id, k.revoked_at, k.expires_at, k.last_used_at, a.status::text AS account_status, a.default_country, a.api_rate_limit${columns}
      FROM api_keys k JOIN accounts a ON a.id = k.account_id
      WHERE k.hash = ${hashApiKey(key)}`,
  );
  const now = Date.now();
  if (!row) throw unauthorized("Invalid API key");
  if (row.revoked_at) throw unauthorized("API key has been revoked");
  if (row.expires_at && row.expires_at.getTime() <= now) throw unauthorized("API key has expired");
  if (row.account_status !== "active") throw new AppError("forbidden", "Account is suspended");

  recordUse(row.id, row.last_used_at, now);
  setContextActor({ type: "api_key", id: row.id, label: row.prefix, accountId: row.account_id });
  return { auth: { accountId: row.account_id, apiKeyId: row.id, defaultCountry: row.default_country, rateLimitPerSecond: row.api_rate_limit }, row };
}
