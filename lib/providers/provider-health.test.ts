import { describe, expect, it } from "vitest";
import { OPEN_AFTER_FAILURES, PROBE_AFTER_MS, ProviderHealthTracker, isUsable, type ProviderHealthSnapshot } from "@/lib/providers/provider-health";

function tracker() {
  const published: ProviderHealthSnapshot[] = [];
  return { health: new ProviderHealthTracker(async (snapshot) => void published.push(snapshot)), published };
}

describe("provider health", () => {
  it("opens after consecutive transient failures, goes half-open with time and closes on an answer", () => {
    const { health, published } = tracker();
    const start = 1_000_000;
    for (let i = 0; i < OPEN_AFTER_FAILURES - 1; i++) health.record("celcom", "transient", start + i);
    expect(health.snapshot("celcom", start + 10).state).toBe("closed");
    health.record("celcom", "transient", start + 10);
    expect(health.snapshot("celcom", start + 11)).toMatchObject({ state: "open", consecutiveFailures: OPEN_AFTER_FAILURES });
    expect(isUsable(health.snapshot("celcom", start + 11))).toBe(false);
    expect(health.snapshot("celcom", start + 10 + PROBE_AFTER_MS).state).toBe("half_open");
    health.record("celcom", "ok", start + 10 + PROBE_AFTER_MS);
    expect(health.snapshot("celcom", start + 20 + PROBE_AFTER_MS)).toMatchObject({ state: "closed", consecutiveFailures: 0 });
    expect(published.map((snapshot) => snapshot.state)).toEqual(expect.arrayContaining(["closed", "open"]));
    expect(published.at(-1)?.state).toBe("closed");
  });

  it("does not count permanent refusals (a bad number) as an outage", () => {
    const { health } = tracker();
    for (let i = 0; i < OPEN_AFTER_FAILURES * 2; i++) health.record("celcom", i % 2 === 0 ? "transient" : "permanent", i);
    expect(health.snapshot("celcom", 100).state).toBe("closed");
  });

  it("treats a provider it never saw as closed and usable", () => {
    const { health } = tracker();
    expect(health.snapshot("other")).toMatchObject({ state: "closed", observedAt: null });
    expect(health.snapshots()).toEqual([]);
  });
});
