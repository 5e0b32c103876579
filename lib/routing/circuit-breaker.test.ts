import { BrokenCircuitError, CircuitState } from "cockatiel";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { SendResult } from "@/lib/providers/types";
import { createProviderBreaker, failsOver, isProviderFault } from "@/lib/routing/circuit-breaker";

const accepted: SendResult = { ok: true, providerMessageId: "1" };
const outage: SendResult = { ok: false, retryable: true, code: "provider_http_5xx", reason: "503" };
const invalidNumber: SendResult = { ok: false, retryable: false, code: "celcom_1003_invalid_mobile", reason: "invalid" };

afterEach(() => vi.useRealTimers());

describe("provider circuit breaker", () => {
  it("opens after the configured consecutive provider failures and then refuses without calling", async () => {
    const breaker = createProviderBreaker({ consecutiveFailures: 3, halfOpenAfterMs: 1_000 });
    const call = vi.fn(async () => outage);
    for (let i = 0; i < 3; i++) expect(await breaker.execute(call)).toBe(outage);
    expect(breaker.state).toBe(CircuitState.Open);
    await expect(breaker.execute(call)).rejects.toBeInstanceOf(BrokenCircuitError);
    expect(call).toHaveBeenCalledTimes(3);
  });

  it("does not count permanent failures for the number against the provider", async () => {
    const breaker = createProviderBreaker({ consecutiveFailures: 2, halfOpenAfterMs: 1_000 });
    for (let i = 0; i < 10; i++) await breaker.execute(async () => invalidNumber);
    expect(breaker.state).toBe(CircuitState.Closed);
  });

  it("opens on a failure ratio over the window even without a run of consecutive failures", async () => {
    const breaker = createProviderBreaker({ consecutiveFailures: 100, halfOpenAfterMs: 1_000, ratio: 0.5, window: 10, minimumCalls: 10 });
    for (let i = 0; i < 10 && breaker.state === CircuitState.Closed; i++) await breaker.execute(async () => (i % 3 === 1 ? accepted : outage));
    expect(breaker.state).toBe(CircuitState.Open);
  });

  it("half-opens after the cool-down with one probe: success closes it, failure opens it again", async () => {
    vi.useFakeTimers();
    const breaker = createProviderBreaker({ consecutiveFailures: 1, halfOpenAfterMs: 30_000 });
    await breaker.execute(async () => outage);
    expect(breaker.state).toBe(CircuitState.Open);
    vi.advanceTimersByTime(30_001);
    expect(await breaker.execute(async () => outage)).toBe(outage);
    expect(breaker.state).toBe(CircuitState.Open);
    await expect(breaker.execute(async () => accepted)).rejects.toBeInstanceOf(BrokenCircuitError);
    vi.advanceTimersByTime(30_001);
    expect(await breaker.execute(async () => accepted)).toBe(accepted);
    expect(breaker.state).toBe(CircuitState.Closed);
  });
});

describe("failure classification for routing", () => {
  it("fails over on provider faults and provider-scoped refusals, never on a bad number", () => {
    expect(failsOver(outage as never)).toBe(true);
    expect(failsOver({ ok: false, retryable: true, code: "celcom_1004_low_bulk_credits", reason: "" })).toBe(true);
    expect(failsOver({ ok: false, retryable: true, code: "smpp_throttled", reason: "" })).toBe(true);
    expect(failsOver({ ok: false, retryable: false, code: "celcom_1006_invalid_credentials", reason: "" })).toBe(true);
    expect(failsOver({ ok: false, retryable: false, code: "celcom_1001_invalid_sender_id", reason: "" })).toBe(true);
    expect(isProviderFault({ ok: false, retryable: false, code: "celcom_1001_invalid_sender_id", reason: "" })).toBe(false);
    expect(failsOver(invalidNumber as never)).toBe(false);
    expect(failsOver({ ok: false, retryable: false, code: "smpp_barred", reason: "" })).toBe(false);
  });
});
