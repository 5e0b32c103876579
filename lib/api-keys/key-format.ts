import { createHash, randomBytes } from "node:crypto";

const KEY_PREFIX = "sl_live_";
const DISPLAY_PREFIX_LENGTH = KEY_PREFIX.length + 6;

/** A new random API key: 32 bytes of entropy, base64url. Shown once, never stored. */
export function generateApiKey(): { key: string; prefix: string; hash: string } {
  const key = `${KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { key, prefix: key.slice(0, DISPLAY_PREFIX_LENGTH), hash: hashApiKey(key) };
}

/** SHA-256 is sufficient for a 256-bit random key (no dictionary to attack). */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function looksLikeApiKey(value: string): boolean {
  return value.startsWith(KEY_PREFIX) && value.length > DISPLAY_PREFIX_LENGTH + 20;
}
