import { type SendFailure } from "@/lib/providers/types";

// Provider-agnostic failures of the transport itself. A reply we could not read may hide an
// accepted message, but losing a message is worse than the rare duplicate a retry can cause.

export function timeoutFailure(timeoutMs: number): SendFailure {
  return { ok: false, retryable: true, code: "provider_timeout", reason: `no reply within ${timeoutMs} ms` };
}

export function networkFailure(error: unknown): SendFailure {
  return { ok: false, retryable: true, code: "provider_network_error", reason: describeNetworkError(error) };
}

export function badReplyFailure(httpStatus: number, detail: string): SendFailure {
  return { ok: false, retryable: true, code: "provider_bad_reply", reason: detail, httpStatus };
}

/** Failure for an HTTP status whose body carried no provider code. */
export function httpStatusFailure(httpStatus: number): SendFailure {
  if (httpStatus >= 500) {
    return { ok: false, retryable: true, code: "provider_http_5xx", reason: `provider answered HTTP ${httpStatus}`, httpStatus };
  }
  if (httpStatus === 429) {
    return { ok: false, retryable: true, code: "provider_rate_limited", reason: "provider answered HTTP 429", httpStatus };
  }
  if (httpStatus === 408) {
    return { ok: false, retryable: true, code: "provider_timeout", reason: "provider answered HTTP 408", httpStatus };
  }
  // Other 4xx replies mean our request or configuration is wrong; repeating it cannot help.
  return { ok: false, retryable: false, code: "provider_http_4xx", reason: `provider answered HTTP ${httpStatus}`, httpStatus };
}

/** Classifies a rejected `fetch` (or body read): our own timeout versus any other network failure. */
export function fetchErrorFailure(error: unknown, timeoutMs: number): SendFailure {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return timeoutFailure(timeoutMs);
  }
  return networkFailure(error);
}

function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return "network error";
  const cause = (error as Error & { cause?: unknown }).cause;
  const causeCode = typeof cause === "object" && cause !== null && "code" in cause ? String(cause.code) : undefined;
  return causeCode ? `${error.message} (${causeCode})` : error.message;
}
