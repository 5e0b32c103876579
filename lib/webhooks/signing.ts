import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Standard Webhooks (https://www.standardwebhooks.com) signing: the signature is
 * base64(HMAC-SHA256(key, `${id}.${timestamp}.${body}`)) where the key is the base64-decoded part of
 * a `whsec_` secret. The header lists one `v1,<signature>` per active secret, space-separated, so a
 * receiver holding either the old or the new secret verifies during rotation.
 */

export const SECRET_PREFIX = "whsec_";
export const SIGNATURE_VERSION = "v1";
export const WEBHOOK_USER_AGENT = "SemaLink-Webhooks/1.0";
export const DEFAULT_TOLERANCE_SECONDS = 300;

const SECRET_BYTES = 32;
const MIN_KEY_BYTES = 24;
const MAX_KEY_BYTES = 64;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

// A type alias rather than an interface so it is assignable to Record<string, string> header maps.
export type WebhookHeaders = {
  "webhook-id": string;
  "webhook-timestamp": string;
  "webhook-signature": string;
  "content-type": "application/json";
  "user-agent": string;
};

export interface SignPayloadInput {
  /** Unique message id; the same id on every retry so receivers can deduplicate. */
  id: string;
  /** Unix time in seconds. */
  timestamp: number;
  /** The exact bytes sent as the request body. */
  body: string | Buffer;
  /** Active secrets (`whsec_…`); two during rotation. */
  secrets: readonly string[];
}

export type BuildWebhookHeadersInput = Omit<SignPayloadInput, "timestamp"> & { timestamp?: number };

export type IncomingHeaders = Headers | Record<string, string | string[] | undefined>;

export interface VerifyWebhookSignatureInput {
  headers: IncomingHeaders;
  /** The raw request body exactly as received (not re-serialised JSON). */
  body: string | Buffer;
  secret: string;
  toleranceSeconds?: number;
  /** Unix time in seconds; defaults to the current time. */
  now?: number;
}

export type VerificationFailure = "missing_headers" | "invalid_timestamp" | "timestamp_out_of_tolerance" | "invalid_signature";

export type VerificationResult = { valid: true; reason?: never } | { valid: false; reason: VerificationFailure };

export function generateWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(SECRET_BYTES).toString("base64");
}

/** Throws when `secret` is not a `whsec_` secret (or bare base64 key) of 24–64 bytes. */
export function decodeWebhookSecret(secret: string): Buffer {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  const key = BASE64.test(encoded) ? Buffer.from(encoded, "base64") : Buffer.alloc(0);
  if (key.length < MIN_KEY_BYTES || key.length > MAX_KEY_BYTES) {
    throw new Error(`Webhook secret must be ${SECRET_PREFIX} followed by base64 of ${MIN_KEY_BYTES}-${MAX_KEY_BYTES} bytes`);
  }
  return key;
}

function computeSignature(key: Buffer, id: string, timestamp: number | string, body: string | Buffer): Buffer {
  return createHmac("sha256", key).update(`${id}.${timestamp}.`).update(body).digest();
}

/** The `webhook-signature` header value: one `v1,<base64>` per secret, space-separated. */
export function signPayload({ id, timestamp, body, secrets }: SignPayloadInput): string {
  if (secrets.length === 0) throw new Error("At least one webhook secret is required to sign");
  if (!Number.isInteger(timestamp) || timestamp < 0) throw new Error("Webhook timestamp must be whole Unix seconds");
  return secrets
    .map((secret) => `${SIGNATURE_VERSION},${computeSignature(decodeWebhookSecret(secret), id, timestamp, body).toString("base64")}`)
    .join(" ");
}

export function buildWebhookHeaders({ id, timestamp, body, secrets }: BuildWebhookHeadersInput): WebhookHeaders {
  const signedAt = timestamp ?? Math.floor(Date.now() / 1000);
  return {
    "webhook-id": id,
    "webhook-timestamp": String(signedAt),
    "webhook-signature": signPayload({ id, timestamp: signedAt, body, secrets }),
    "content-type": "application/json",
    "user-agent": WEBHOOK_USER_AGENT,
  };
}

function readHeader(headers: IncomingHeaders, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return Array.isArray(value) ? value.join(" ") : value;
  }
  return undefined;
}

/**
 * Verifies a delivery the way a receiver should: timestamp within tolerance (replay protection) and
 * at least one `v1` signature matching, compared in constant time.
 */
export function verifyWebhookSignature({
  headers,
  body,
  secret,
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
  now = Math.floor(Date.now() / 1000),
}: VerifyWebhookSignatureInput): VerificationResult {
  const id = readHeader(headers, "webhook-id");
  const timestampText = readHeader(headers, "webhook-timestamp");
  const signatureHeader = readHeader(headers, "webhook-signature");
  if (!id || !timestampText || !signatureHeader) return { valid: false, reason: "missing_headers" };

  if (!/^\d+$/.test(timestampText)) return { valid: false, reason: "invalid_timestamp" };
  const timestamp = Number(timestampText);
  if (Math.abs(now - timestamp) > toleranceSeconds) return { valid: false, reason: "timestamp_out_of_tolerance" };

  const expected = computeSignature(decodeWebhookSecret(secret), id, timestampText, body);
  for (const entry of signatureHeader.split(" ")) {
    const [version, encoded] = entry.split(",", 2);
    if (version !== SIGNATURE_VERSION || !encoded) continue;
    const candidate = Buffer.from(encoded, "base64");
    if (candidate.length === expected.length && timingSafeEqual(candidate, expected)) return { valid: true };
  }
  return { valid: false, reason: "invalid_signature" };
}
