import { ZodError } from "zod";
import { AppError, type ErrorDetail } from "@/lib/http/errors";
import { logger } from "@/lib/logger";

/** JSON response that serialises bigint money values as numbers. */
export function json(data: unknown, status = 200, headers?: Record<string, string>): Response {
  const body = JSON.stringify(data, (_key, value) => (typeof value === "bigint" ? Number(value) : value));
  return new Response(body, { status, headers: { "content-type": "application/json", ...headers } });
}

/** A zod error as `details`: one entry per issue, the field as a dotted path. */
export function zodDetails(error: ZodError): ErrorDetail[] {
  return error.issues.map((issue) => ({
    field: issue.path.map(String).join(".") || "(root)",
    message: issue.message,
    code: issue.code,
  }));
}

export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    const payload = { code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) };
    return json({ error: payload }, error.status, error.headers);
  }
  if (error instanceof ZodError) {
    return json({ error: { code: "validation_failed", message: "Request validation failed", details: zodDetails(error) } }, 422);
  }
  logger.error("unhandled error in route", { err: error instanceof Error ? { message: error.message, stack: error.stack } : String(error) });
  return json({ error: { code: "internal_error", message: "Something went wrong on our side. Try again later." } }, 500);
}
