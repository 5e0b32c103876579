/**
 * What an audit event may keep of a before/after value: everything except secrets. A key that
 * names a secret (an API key, a signing secret, a password or its hash, a token) keeps only the
 * fact that it was there — "[redacted]" — so a rotation is visible without storing either secret.
 * Dates become ISO strings and bigints numbers' text, so the value is plain JSON.
 */
const SECRET_KEY = /secret|password|passwd|token|hash|authorization|cookie|api[-_]?key|^key$/i;
const MAX_DEPTH = 6;

export function sanitizeAuditValue(value: unknown, key = "", depth = 0): unknown {
  if (key && SECRET_KEY.test(key)) return value === null || value === undefined ? value : "[redacted]";
  if (value === null || value === undefined) return value ?? null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  if (typeof value !== "object") return value;
  if (depth >= MAX_DEPTH) return "[truncated]";
  if (Array.isArray(value)) return value.map((item) => sanitizeAuditValue(item, "", depth + 1));
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .map(([name, item]) => [name, sanitizeAuditValue(item, name, depth + 1)]),
  );
}
