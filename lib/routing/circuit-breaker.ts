import { circuitBreaker, CircuitState, ConsecutiveBreaker, CountBreaker, handleWhenResult, type CircuitBreakerPolicy, type IBreaker } from "cockatiel";

/** The breaker states as operators read them (status, logs); cockatiel's isolated counts as open. */
export const BREAKER_STATE_NAMES: Record<CircuitState, "closed" | "open" | "half-open"> = {
  [CircuitState.Closed]: "closed",
  [CircuitState.Open]: "open",
  [CircuitState.HalfOpen]: "half-open",
  [CircuitState.Isolated]: "open",
};
import type { SendFailure } from "@/lib/providers/types";

/**
 * Opens on whichever comes first: `consecutive` failures in a row, or more than `ratio` of the
 * last `window` calls failing (once `minimumCalls` were made). Both are cockatiel's own breakers;
 * this only asks both and opens when either says so.
 */
export class EitherBreaker implements IBreaker {
  constructor(private readonly breakers: readonly IBreaker[]) {}

  get state(): unknown {
    return this.breakers.map((breaker) => breaker.state);
  }

  set state(value: unknown) {
    if (!Array.isArray(value)) return;
    this.breakers.forEach((breaker, index) => {
      breaker.state = value[index];
    });
  }

  success(state: CircuitState): void {
    for (const breaker of this.breakers) breaker.success(state);
  }

  failure(state: CircuitState): boolean {
    // Every breaker must see every failure, so no short-circuit.
    return this.breakers.map((breaker) => breaker.failure(state)).some(Boolean);
  }
}

export interface BreakerOptions {
  consecutiveFailures: number;
  halfOpenAfterMs: number;
  /** Failure ratio over the last `window` calls that opens the circuit. */
  ratio?: number;
  window?: number;
  minimumCalls?: number;
}

/** Codes meaning the provider itself is unusable (credentials, account, endpoint), not the message. */
const PROVIDER_FAULT_CODES = new Set([
  "celcom_1006_invalid_credentials",
  "celcom_4091_no_partner_id",
  "celcom_4092_no_api_key",
  "celcom_4093_details_not_found",
  "provider_http_4xx",
  "smpp_bind_failed",
]);

/** Codes where another provider may carry the message although this one cannot (sender ID or network not set up here). */
const PROVIDER_SCOPE_CODES = new Set(["celcom_1001_invalid_sender_id", "celcom_1002_network_not_allowed", "smpp_invalid_source_address"]);

/** A failure that counts against the provider's health (and its breaker). */
export function isProviderFault(failure: SendFailure): boolean {
  return failure.retryable || PROVIDER_FAULT_CODES.has(failure.code);
}

/** A failure after which the next provider of the route is tried at once. Permanent failures for the number never fail over. */
export function failsOver(failure: SendFailure): boolean {
  return isProviderFault(failure) || PROVIDER_SCOPE_CODES.has(failure.code);
}

/**
 * The breaker of one provider (cockatiel). It judges results, not exceptions: adapters return
 * failures instead of throwing. While open, `execute` throws BrokenCircuitError at once; after
 * `halfOpenAfterMs` one call goes through as the probe and its result closes or re-opens it.
 */
export function createProviderBreaker(options: BreakerOptions): CircuitBreakerPolicy {
  const window = options.window ?? 50;
  return circuitBreaker(
    handleWhenResult((result) => typeof result === "object" && result !== null && "ok" in result && result.ok === false && isProviderFault(result as SendFailure)),
    {
      halfOpenAfter: options.halfOpenAfterMs,
      breaker: new EitherBreaker([
        new ConsecutiveBreaker(options.consecutiveFailures),
        new CountBreaker({ threshold: options.ratio ?? 0.5, size: window, minimumNumberOfCalls: options.minimumCalls ?? Math.min(window, 20) }),
      ]),
    },
  );
}
