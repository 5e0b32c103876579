import { db } from "@/lib/db";
import { notFound } from "@/lib/http/errors";

/**
 * Operator: sets an account's /v1 rate limit (requests per second, for each of its keys and for the
 * account as a whole); null returns it to API_RATE_LIMIT_PER_SECOND. Takes effect on the next request.
 */
export async function setApiRateLimit(accountId: string, requestsPerSecond: number | null) {
  const updated = await db.account.updateMany({ where: { id: accountId }, data: { apiRateLimit: requestsPerSecond } });
  if (updated.count === 0) throw notFound("Account");
  return { accountId, apiRateLimit: requestsPerSecond };
}
