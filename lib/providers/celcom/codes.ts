import { type SendFailure } from "@/lib/providers/types";

export const CELCOM_SUCCESS_CODE = 200;

const FIVE_MINUTES_MS = 5 * 60_000;

export interface CelcomCodeInfo {
  slug: string;
  description: string;
  retryable: boolean;
  retryAfterMs?: number;
  /** Celcom refuses the message itself (its sender or recipient), so it is `rejected`. */
  refusesMessage?: boolean;
}

/**
 * Celcom's documented response codes and how we treat them. 1004 (low bulk credits) is our own
 * account running dry at Celcom: an operator tops it up, so the message is retried later rather
 * than failed. 1004 and 4090 carry a five-minute retry hint because nothing changes sooner.
 */
export const CELCOM_RESPONSE_CODES: Readonly<Record<number, CelcomCodeInfo>> = {
  1001: { slug: "invalid_sender_id", description: "Invalid sender id", retryable: false, refusesMessage: true },
  1002: { slug: "network_not_allowed", description: "Network not allowed", retryable: false },
  1003: { slug: "invalid_mobile", description: "Invalid mobile number", retryable: false, refusesMessage: true },
  1004: { slug: "low_bulk_credits", description: "Low bulk credits", retryable: true, retryAfterMs: FIVE_MINUTES_MS },
  1005: { slug: "system_error", description: "System error", retryable: true },
  1006: { slug: "invalid_credentials", description: "Invalid credentials", retryable: false },
  1007: { slug: "system_error", description: "System error", retryable: true },
  1008: { slug: "no_delivery_report", description: "No delivery report", retryable: false },
  1009: { slug: "no_delivery_report", description: "No delivery report", retryable: false },
  1010: { slug: "unsupported_request_type", description: "Unsupported request type", retryable: false },
  4090: { slug: "internal_error", description: "Internal error, retry after 5 minutes", retryable: true, retryAfterMs: FIVE_MINUTES_MS },
  4091: { slug: "no_partner_id", description: "No partner id", retryable: false },
  4092: { slug: "no_api_key", description: "No api key", retryable: false },
  4093: { slug: "details_not_found", description: "Details not found", retryable: false },
};

/** Stable reason code for a Celcom response code, e.g. `celcom_1003_invalid_mobile`. */
export function celcomReasonCode(code: number): string {
  const info = CELCOM_RESPONSE_CODES[code];
  return `celcom_${code}_${info ? info.slug : "unknown"}`;
}

/**
 * Failure for a non-200 Celcom response code. Undocumented codes are retried: the worker's
 * attempts are bounded, and failing a message on a code we cannot interpret would lose it.
 */
export function classifyCelcomCode(code: number, providerDescription?: string, httpStatus?: number): SendFailure {
  const info = CELCOM_RESPONSE_CODES[code];
  const failure: SendFailure = {
    ok: false,
    retryable: info ? info.retryable : true,
    code: celcomReasonCode(code),
    reason: providerDescription?.trim() || info?.description || `undocumented Celcom code ${code}`,
    providerCode: code,
  };
  if (info?.retryAfterMs !== undefined) failure.retryAfterMs = info.retryAfterMs;
  if (info?.refusesMessage) failure.rejected = true;
  if (httpStatus !== undefined) failure.httpStatus = httpStatus;
  return failure;
}
