import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { GET as healthRoute } from "@/app/api/health/route";
import { GET as readyRoute } from "@/app/api/ready/route";
import { checkReadiness, type Readiness } from "@/lib/observability/readiness";
import { OPEN_AFTER_FAILURES, providerHealth, readProviderHealth } from "@/lib/providers/provider-health";
import { createProvider } from "@/lib/routing/manage-providers";

afterEach(() => {
  providerHealth.reset();
});

async function ready(): Promise<{ status: number; body: Readiness }> {
  const response = await readyRoute();
  return { status: response.status, body: (await response.json()) as Readiness };
}

/** The readiness answer for the given providers only, as the route would give it. */
async function readyFor(providers: string[]): Promise<{ status: number; body: Readiness }> {
  const body = await checkReadiness({ providers });
  return { status: body.ready ? 200 : 503, body };
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
    expect(body.checks.providers.providers).toContainEqual(expect.objectContaining({ provider: "celcom", state: "closed", usable: true }));
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

  it("judges the routing table's enabled providers next to the bootstrap one", async () => {
    const name = `ready-${randomBytes(3).toString("hex")}`;
    const disabled = `${name}-off`;
    await createProvider({ name, kind: "celcom", settings: { baseUrl: "http://127.0.0.1:9", partnerId: "p" }, secrets: { apiKey: "k" } });
    await createProvider({ name: disabled, kind: "celcom", settings: { baseUrl: "http://127.0.0.1:9", partnerId: "p" }, secrets: { apiKey: "k" }, enabled: false });
    const names = (await checkReadiness()).checks.providers.providers.map((provider) => provider.provider);
    expect(names).toEqual(expect.arrayContaining(["celcom", name]));
    expect(names).not.toContain(disabled);
  });

  it("answers 503 naming the providers check when every recent request to the provider failed, 200 after it answers", async () => {
    for (let i = 0; i < OPEN_AFTER_FAILURES; i++) providerHealth.record("celcom", "transient");
    // Only the bootstrap provider: other test files may have routing providers in the shared database.
    const failing = await readyFor(["celcom"]);
    expect(failing.status).toBe(503);
    expect(failing.body.checks.providers).toMatchObject({ ok: false, error: expect.stringContaining("no provider is usable"), providers: [expect.objectContaining({ state: "open", usable: false })] });
    expect(failing.body.checks.postgres.ok).toBe(true);
    // Other processes (the web app) see the worker's view through Redis.
    await expect.poll(async () => (await readProviderHealth(["celcom"]))[0].state).toBe("open");

    providerHealth.record("celcom", "ok");
    expect((await readyFor(["celcom"])).status).toBe(200);
    await expect.poll(async () => (await readProviderHealth(["celcom"]))[0].state).toBe("closed");
  });
});
