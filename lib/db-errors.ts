/**
 * What a failed statement says about its input:
 * - `data`: the statement refused some of the values it was given (SQLSTATE class 22 data
 *   exception, 23 integrity violation, 42804 datatype mismatch, 54000 program limit, e.g. a value
 *   too large to index). Running it again with the same values fails the same way; without the
 *   offending values it can succeed.
 * - `conflict`: a serialization failure or deadlock (40001, 40P01); the same statement can simply
 *   run again.
 * - `unavailable`: everything else — connection lost (08), server shutting down (57P), out of
 *   resources (53), errors from outside Postgres. Nothing about the input; the caller should fail
 *   and retry later.
 */
export type DbErrorKind = "data" | "conflict" | "unavailable";

const DATA_CODES = new Set(["42804", "54000"]);
const CONFLICT_CODES = new Set(["40001", "40P01"]);

/**
 * The SQLSTATE of an error Postgres itself reported (pg's DatabaseError: a five-character code
 * and a severity), or null. Checked by shape: Node's own errors (EPIPE, ECONNRESET) have codes
 * but no severity.
 */
export function sqlState(error: unknown): string | null {
  if (!(error instanceof Error)) return null;
  const { code, severity } = error as Error & { code?: unknown; severity?: unknown };
  return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) && typeof severity === "string" ? code : null;
}

export function classifyDbError(error: unknown): DbErrorKind {
  const code = sqlState(error);
  if (code === null) return "unavailable";
  if (code.startsWith("22") || code.startsWith("23") || DATA_CODES.has(code)) return "data";
  if (CONFLICT_CODES.has(code)) return "conflict";
  return "unavailable";
}
