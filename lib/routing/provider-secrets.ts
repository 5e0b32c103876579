import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

// Provider credentials (Celcom API keys, SMPP passwords) are stored AES-256-GCM encrypted. The key
// is derived from PROVIDER_SECRETS_KEY, which lives only in the environment, so a database dump
// alone does not reveal them. Format: "v1:" + base64(iv | tag | ciphertext).

const VERSION = "v1:";

function keyFrom(secret: string): Buffer {
  return createHash("sha256").update(secret, "utf8").digest();
}

export function encryptSecrets(secrets: Record<string, string>, secret: string = env.PROVIDER_SECRETS_KEY): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFrom(secret), iv);
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(secrets), "utf8"), cipher.final()]);
  return VERSION + Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString("base64");
}

/** Throws when the text was encrypted with another key or altered (GCM authenticates it). */
export function decryptSecrets(text: string | null, secret: string = env.PROVIDER_SECRETS_KEY): Record<string, string> {
  if (!text) return {};
  if (!text.startsWith(VERSION)) throw new Error("provider secrets are in an unknown format");
  const raw = Buffer.from(text.slice(VERSION.length), "base64");
  const decipher = createDecipheriv("aes-256-gcm", keyFrom(secret), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  const plain = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
  return JSON.parse(plain) as Record<string, string>;
}
