// The one table mapping error codes to HTTP statuses. Domain code throws AppError with a code
// from here; the route wrapper turns it into `{ error: { code, message, details } }`.
export const ERROR_STATUS = {
  invalid_json: 400,
  bad_request: 400,
  unauthorized: 401,
  insufficient_credits: 402,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  idempotency_conflict: 409,
  idempotency_in_progress: 409,
  invalid_state: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  invalid_phone_number: 422,
  unsupported_network: 422,
  content_rejected: 422,
  sender_id_not_approved: 422,
  contact_list_not_ready: 422,
  destination_not_allowed: 422,
  daily_spend_limit_exceeded: 402,
  opted_out: 422,
  rate_limited: 429,
  internal_error: 500,
  service_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/**
 * The one shape of an error's `details`: which input it is about (a dotted path into the body or
 * query, or a header name) and what is wrong, optionally with a machine-readable `code` (a zod
 * issue code, a rejection reason, a content rule).
 */
export interface ErrorDetail {
  field: string;
  message: string;
  code?: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: ErrorDetail[];
  readonly headers?: Record<string, string>;

  constructor(code: ErrorCode, message: string, details?: ErrorDetail[], headers?: Record<string, string>) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
    this.headers = headers;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function notFound(what: string): AppError {
  return new AppError("not_found", `${what} not found`);
}

/** An error about one input field, the message both the error's and the field's. */
export function fieldError(code: ErrorCode, field: string, message: string, detailCode?: string): AppError {
  return new AppError(code, message, [{ field, message, ...(detailCode ? { code: detailCode } : {}) }]);
}
