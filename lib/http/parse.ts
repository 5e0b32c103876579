import { type z } from "zod";
import { AppError } from "@/lib/http/errors";
import { zodDetails } from "@/lib/http/respond";

export const MAX_JSON_BODY_BYTES = 64 * 1024;

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

/** Parses a JSON body against a schema: 415 wrong type, 413 too big, 400 malformed, 422 invalid. */
export async function parseJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  const { data } = await parseJsonBodyWithRaw(request, schema);
  return data;
}

export async function parseJsonBodyWithRaw<S extends z.ZodType>(
  request: Request,
  schema: S,
): Promise<{ data: z.output<S>; raw: string }> {
  if (!isJsonContentType(request)) {
    throw new AppError("unsupported_media_type", "Content-Type must be application/json");
  }
  const raw = await readBodyText(request);
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new AppError("invalid_json", "Request body is not valid JSON");
  }
  return { data: validate(schema, value), raw };
}

export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.output<S> {
  const params = new URL(request.url).searchParams;
  const value: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    value[key] = all.length > 1 ? all : all[0];
  }
  return validate(schema, value);
}

export function validate<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new AppError("validation_failed", "Request validation failed", zodDetails(result.error));
  }
  return result.data;
}
