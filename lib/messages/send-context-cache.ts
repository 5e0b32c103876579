import { createHash } from "node:crypto";
import { type ApiAuth } from "@/lib/api-keys/authenticate-api-key";
import { type SendContext } from "@/lib/messages/evaluate-message";
import { authenticateSend } from "@/lib/messages/prepare-message";

/**
 * How long a send reuses an API key's authentication and its account's send context for one
 * `from`. Short: the insert re-checks what matters (key live, account active, sender approved,
 * balance), so staleness can only show in the advisory balance and in blocked words for this long.
 */
export const SEND_CONTEXT_TTL_MS = 2_000;
/** Entries kept at most (distinct key × sender pairs); the oldest go first. */
const MAX_ENTRIES = 10_000;

export interface SendAuthorization {
  auth: ApiAuth;
  context: SendContext;
  /** True when served from the cache: the insert must re-check it. */
  cached: boolean;
  cacheKey: string;
}

const entries = new Map<string, { auth: ApiAuth; context: SendContext; expiresAt: number }>();

function cacheKeyOf(authorization: string | null, from: string): string {
  // A digest, so raw API keys are not kept as map keys.
  return createHash("sha256").update(`${authorization ?? ""}\n${from}`).digest("base64");
}

/**
 * `authenticateSend` with a brief in-process cache: a repeated send with the same key and sender
 * skips the lookup, so it costs one database round trip (the insert, which re-checks).
 */
export async function authenticateSendCached(authorization: string | null, from: string, now = Date.now()): Promise<SendAuthorization> {
  const cacheKey = cacheKeyOf(authorization, from);
  const hit = entries.get(cacheKey);
  if (hit && hit.expiresAt > now) return { auth: hit.auth, context: hit.context, cached: true, cacheKey };
  const { auth, context } = await authenticateSend(authorization, from);
  entries.delete(cacheKey);
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  entries.set(cacheKey, { auth, context, expiresAt: now + SEND_CONTEXT_TTL_MS });
  return { auth, context, cached: false, cacheKey };
}

/** Drops an entry the insert found stale, so the next look-up reads fresh data. */
export function forgetSendContext(cacheKey: string): void {
  entries.delete(cacheKey);
}
