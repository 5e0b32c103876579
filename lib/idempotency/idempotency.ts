import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { fieldError } from "@/lib/http/errors";

/** How long a key protects against a retried request. */
export const IDEMPOTENCY_TTL_HOURS = 24;
const MAX_KEY_LENGTH = 255;

export type IdempotencyClaim =
  | { kind: "new"; recordId: string }
  | { kind: "replay"; status: number; body: unknown };

/** Stable JSON: object keys sorted, so the same body with its fields in another order is the same request. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** SHA-256 of method, path and body: a key reused with another request is a conflict. */
export function hashIdempotentRequest(method: string, path: string, body: unknown): string {
  return createHash("sha256").update(`${method.toUpperCase()} ${path}\n${canonicalJson(body)}`).digest("hex");
}

export function validateIdempotencyKey(key: string): string {
  const trimmed = key.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_KEY_LENGTH || !/^[\x21-\x7e]+$/.test(trimmed)) {
    throw fieldError("validation_failed", "Idempotency-Key", `Idempotency-Key must be 1–${MAX_KEY_LENGTH} printable ASCII characters`);
  }
  return trimmed;
}

/**
 * Claims a key for a request, insert-first: of concurrent requests with one key exactly one
 * inserts the record and proceeds; the others see it. A finished record with the same request
 * replays its response; one still in progress is 409 `idempotency_in_progress`; another request
 * under the same key is 409 `idempotency_conflict`. An expired record is taken over.
 */
export async function claimIdempotencyKey(accountId: string, key: string, requestHash: string): Promise<IdempotencyClaim> {
  for (let round = 0; round < 2; round++) {
    const inserted = await db.$queryRaw<{ id: string }[]>`
      INSERT INTO idempotency_records (account_id, key, request_hash, expires_at)
      VALUES (${accountId}::uuid, ${key}, ${requestHash}, now() + make_interval(hours => ${IDEMPOTENCY_TTL_HOURS}))
      ON CONFLICT (account_id, key) DO NOTHING
      RETURNING id`;
    if (inserted[0]) return { kind: "new", recordId: inserted[0].id };

    const existing = await db.idempotencyRecord.findUnique({
      where: { accountId_key: { accountId, key } },
      select: { id: true, requestHash: true, responseStatus: true, responseBody: true, expiresAt: true },
    });
    if (!existing) continue;
    if (existing.expiresAt.getTime() <= Date.now()) {
      await db.idempotencyRecord.deleteMany({ where: { id: existing.id, expiresAt: { lte: new Date() } } });
      continue;
    }
    if (existing.requestHash !== requestHash) {
      throw fieldError("idempotency_conflict", "Idempotency-Key", "This Idempotency-Key was already used with a different request");
    }
    if (existing.responseStatus === null) {
      throw fieldError("idempotency_in_progress", "Idempotency-Key", "A request with this Idempotency-Key is still being processed; retry shortly");
    }
    return { kind: "replay", status: existing.responseStatus, body: existing.responseBody };
  }
  throw fieldError("idempotency_in_progress", "Idempotency-Key", "A request with this Idempotency-Key is being replaced; retry shortly");
}

/** Stores the response of a claimed request, for replays (when the domain call did not already). */
export async function completeIdempotencyKey(recordId: string, status: number, body: unknown): Promise<void> {
  await db.$executeRaw`
    UPDATE idempotency_records SET response_status = ${status}, response_body = ${JSON.stringify(body)}::jsonb
    WHERE id = ${recordId}::uuid AND response_status IS NULL`;
}

/**
 * Gives a key back after a request that created nothing (validation error, no credit): the
 * client may fix the cause and retry with the same key.
 */
export async function releaseIdempotencyKey(recordId: string): Promise<void> {
  await db.$executeRaw`DELETE FROM idempotency_records WHERE id = ${recordId}::uuid AND response_status IS NULL`;
}

/** Deletes expired records (the `prune-idempotency` maintenance task). */
export async function pruneExpiredIdempotencyRecords(): Promise<number> {
  return db.$executeRaw`DELETE FROM idempotency_records WHERE expires_at <= now()`;
}
