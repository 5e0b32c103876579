import { type z } from "zod";
import { AppError } from "@/lib/http/errors";
import { zodDetails } from "@/lib/http/respond";
import { findJsonValueProblem } from "@/lib/validation/json-value";

export const MAX_JSON_BODY_BYTES = 64 * 1024;

/**
 * No request body needs more nesting than this; deeper ones are refused before any recursive code
 * (zod, JSON.stringify, Postgres's jsonb input) sees them. Fields that store free-form JSON set
 * their own, lower limit.
 */
export const MAX_JSON_DEPTH = 64;

/** Reads the raw body, refusing more than `limit` bytes without buffering the excess. */
export async function readBodyText(request: Request, limit = MAX_JSON_BODY_BYTES): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw new AppError("payload_too_large", `Request body exceeds ${limit} bytes`);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limit) {
      await reader.cancel();
      throw new AppError("payload_too_large", `Request body exceeds ${limit} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export function isJsonContentType(request: Request): boolean {
  const type = request.headers.get("content-type") ?? "";
  return /^application\/([\w.+-]+\+)?json\b/i.test(type.trim());
}

function parseJsonText(raw: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new AppError("invalid_json", "Request body is not valid JSON");
  }
  const problem = findJsonValueProblem(value, { maxDepth: MAX_JSON_DEPTH });
  if (problem) {
    const field = problem.path.length > 0 ? String(problem.path[0]) : "(root)";
    throw new AppError("validation_failed", "Request validation failed", [{ field, message: problem.message }]);
  }
  return value;
}

/**
 * The one way a JSON body is read: 415 for another content type, 413 over `limit` bytes, 400 when
 * malformed, 422 when nested deeper than {@link MAX_JSON_DEPTH}.
 */
export async function readJsonBody(request: Request, limit = MAX_JSON_BODY_BYTES): Promise<unknown> {
  if (!isJsonContentType(request)) {
    throw new AppError("unsupported_media_type", "Content-Type must be application/json");
  }
  return parseJsonText(await readBodyText(request, limit));
}

/** A JSON body validated against a schema: {@link readJsonBody}'s refusals, then 422 for invalid fields. */
export async function parseJsonBody<S extends z.ZodType>(request: Request, schema: S, limit = MAX_JSON_BODY_BYTES): Promise<z.output<S>> {
  return validate(schema, await readJsonBody(request, limit));
}

/** For bodies that may be left out (every field has a default): an empty body is `{}`, anything else must be JSON. */
export async function parseOptionalJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  const raw = await readBodyText(request);
  if (raw.trim() === "") return validate(schema, {});
  if (!isJsonContentType(request)) {
    throw new AppError("unsupported_media_type", "Content-Type must be application/json");
  }
  return validate(schema, parseJsonText(raw));
}

export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.output<S> {
  const params = new URL(request.url).searchParams;
  // fromEntries defines own properties, so a parameter named `__proto__` stays a plain key.
  const value = Object.fromEntries(
    [...new Set(params.keys())].map((key) => {
      const all = params.getAll(key);
      return [key, all.length > 1 ? all : all[0]];
    }),
  );
  return validate(schema, value);
}

export function validate<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new AppError("validation_failed", "Request validation failed", zodDetails(result.error));
  }
  return result.data;
}
