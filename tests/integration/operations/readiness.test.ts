import { afterEach, describe, expect, it } from "vitest";
import { GET as healthRoute } from "@/app/api/health/route";
import { GET as readyRoute } from "@/app/api/ready/route";
import { checkReadiness, type Readiness } from "@/lib/observability/readiness";
import { OPEN_AFTER_FAILURES, providerHealth, readProviderHealth } from "@/lib/providers/provider-health";

afterEach(() => {
  providerHealth.reset();
});

async function ready(): Promise<{ status: number; body: Readiness }> {
  const response = await readyRoute();
  return { status: response.status, body: (await response.json()) as Readiness };
}

describe("liveness and readiness", () => {
  it("keeps /api/health a constant answer and reports every check with its latency on /api/ready", async () => {
    expect(await healthRoute().json()).toEqual({ status: "ok" });
    const { status, body } = await ready();
    expect(status).toBe(200);
    expect(body.ready).toBe(true);
    for (const check of [body.checks.postgres, body.checks.redis, body.checks.providers]) {
      expect(check.ok).toBe(true);
      expect(check.latencyMs).toBeGreaterThanOrEqual(0);
    }
    expect(body.checks.providers.providers).toEqual([expect.objectContaining({ provider: "celcom", state: "closed", usable: true })]);
  });

  it("is not ready while Redis cannot be reached, and ready again once it can", async () => {
    const down = await checkReadiness({ redisUrl: "redis://127.0.0.1:1", timeoutMs: 1_000 });
    expect(down.ready).toBe(false);
    expect(down.checks.redis).toMatchObject({ ok: false, error: expect.any(String) });
    expect(down.checks.postgres.ok).toBe(true);
    expect(down.checks.redis.latencyMs).toBeLessThan(2_000);

    const up = await checkReadiness();
    expect(up.ready).toBe(true);
    expect(up.checks.redis.ok).toBe(true);
  });

  it("answers 503 naming the providers check when every recent request to the provider failed, 200 after it answers", async () => {
    for (let i = 0; i < OPEN_AFTER_FAILURES; i++) providerHealth.record("celcom", "transient");
    const failing = await ready();
    expect(failing.status).toBe(503);
    expect(failing.body.checks.providers).toMatchObject({ ok: false, error: expect.stringContaining("no provider is usable"), providers: [expect.objectContaining({ state: "open", usable: false })] });
    expect(failing.body.checks.postgres.ok).toBe(true);
    // Other processes (the web app) see the worker's view through Redis.
    await expect.poll(async () => (await readProviderHealth(["celcom"]))[0].state).toBe("open");

    providerHealth.record("celcom", "ok");
    expect((await ready()).status).toBe(200);
    await expect.poll(async () => (await readProviderHealth(["celcom"]))[0].state).toBe("closed");
  });
});
