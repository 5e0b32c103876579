import { z } from "zod";
import type { ZodOpenApiResponseObject } from "zod-openapi";
import { ERROR_STATUS, type ErrorCode } from "@/lib/http/errors";

const ERROR_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];

export const errorDetail = z
  .object({
    field: z.string().meta({ description: "Dotted path into the body or query, or a header name; `(root)` for the whole body", example: "to" }),
    message: z.string(),
    code: z.string().optional().meta({ description: "Machine-readable reason (a validation issue code, a rejection reason, a content rule)" }),
  })
  .meta({ id: "ErrorDetail" });

export const errorBody = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES).meta({ description: "Stable machine-readable code; each belongs to one HTTP status (see the response descriptions)" }),
      message: z.string().meta({ description: "Human-readable; may change" }),
      details: z.array(errorDetail).optional(),
    }),
  })
  .meta({ id: "Error" });

/** The error codes answered with `status`, from the one table in lib/http/errors.ts. */
export function codesFor(status: number): ErrorCode[] {
  return ERROR_CODES.filter((code) => ERROR_STATUS[code] === status);
}

const STATUS_TEXT: Record<number, string> = {
  400: "Bad request",
  401: "Missing or invalid API key",
  402: "Not enough credit",
  403: "Forbidden",
  404: "Not found",
  405: "Method not allowed",
  409: "Conflict with the current state",
  413: "Body too large",
  415: "Unsupported content type",
  422: "The input was understood but refused",
  429: "Too many requests",
  500: "Internal error",
  503: "Temporarily unavailable",
};

/** Sent with every answer of an API-key route (the rate limit is per key). */
export const RATE_LIMIT_HEADERS = {
  "RateLimit-Limit": { $ref: "#/components/headers/RateLimit-Limit" },
  "RateLimit-Remaining": { $ref: "#/components/headers/RateLimit-Remaining" },
  "RateLimit-Reset": { $ref: "#/components/headers/RateLimit-Reset" },
};
const RETRY_HEADERS = { ...RATE_LIMIT_HEADERS, "Retry-After": { $ref: "#/components/headers/Retry-After" } };

// One object per status: zod-openapi registers a response component by identity.
const responses = new Map<number, ZodOpenApiResponseObject>();

/**
 * The documented response for an error status: the one error shape, and which codes it carries.
 * Registered once per status as a component (`#/components/responses/Error422`).
 */
export function errorResponse(status: number): ZodOpenApiResponseObject {
  const cached = responses.get(status);
  if (cached) return cached;
  const codes = codesFor(status);
  const headers = status === 429 || status === 503 ? RETRY_HEADERS : RATE_LIMIT_HEADERS;
  const response: ZodOpenApiResponseObject = {
    id: `Error${status}`,
    description: `${STATUS_TEXT[status]}. Codes: ${codes.map((code) => `\`${code}\``).join(", ")}.`,
    headers,
    content: { "application/json": { schema: errorBody } },
  };
  responses.set(status, response);
  return response;
}
