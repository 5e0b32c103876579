import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as sendRoute } from "@/app/api/v1/messages/route";
import { db } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import { getProviderStatus } from "@/lib/routing/get-provider-status";
import { createProvider, listProviders, setProviderEnabled, updateProvider } from "@/lib/routing/manage-providers";
import { listRoutes, setRoute } from "@/lib/routing/manage-routes";
import { createCelcomSimulator, type CelcomSimulator } from "@/simulators/celcom/create-celcom-simulator";
import { createSmppSimulator, type SmppSimulator } from "@/simulators/smpp/create-smpp-simulator";
import { createTestAccount } from "@/tests/helpers/accounts";
import { callRoute } from "@/tests/helpers/http";
import { waitFor } from "@/tests/helpers/messages";
import { startSending } from "@/workers/sending";
import type { Closeable } from "@/workers/runtime";

// The only test file that writes providers and routes to the shared test database (the others
// give the router a fixed table), so the Kenya route here cannot disturb them.
let celcom: CelcomSimulator;
let smsc: SmppSimulator;
let sending: Closeable | undefined;

beforeAll(async () => {
  celcom = await createCelcomSimulator({ dlrEnabled: false });
  smsc = await createSmppSimulator({ adminPort: null, dlrEnabled: false });
});

afterAll(async () => {
  await sending?.close();
  await smsc?.close();
  await celcom?.close();
});

describe("providers and routes in Postgres", () => {
  it("stores secrets encrypted, never returns them, and refuses a duplicate name", async () => {
    const created = await createProvider({
      name: "db-celcom",
      kind: "celcom",
      settings: { baseUrl: celcom.url, partnerId: celcom.config.partnerId, timeoutMs: 2_000 },
      secrets: { apiKey: celcom.config.apiKey },
      maxPerSecond: 50,
      costs: { Safaricom: 40, "*": 55 },
    });
    expect(created).toMatchObject({ name: "db-celcom", kind: "celcom", enabled: true, maxPerSecond: 50, secretsSet: ["apiKey"] });
    expect(JSON.stringify(created)).not.toContain(celcom.config.apiKey);
    const [raw] = await db.$queryRaw<{ secrets: string; settings: unknown }[]>`SELECT secrets, settings FROM providers WHERE name = 'db-celcom'`;
    expect(raw.secrets).toMatch(/^v1:/);
    expect(raw.secrets).not.toContain(celcom.config.apiKey);
    expect(JSON.stringify(raw.settings)).not.toContain(celcom.config.apiKey);
    await expect(
      createProvider({ name: "db-celcom", kind: "celcom", settings: { baseUrl: celcom.url, partnerId: "x" }, secrets: { apiKey: "k" } }),
    ).rejects.toMatchObject({ code: "conflict" });
    await createProvider({
      name: "db-smpp",
      kind: "smpp",
      settings: { host: "127.0.0.1", port: smsc.port, systemId: smsc.config.systemId, timeoutMs: 2_000 },
      secrets: { password: smsc.config.password },
    });
    expect(JSON.stringify(await listProviders())).not.toContain(smsc.config.password);
  });

  it("validates updates against the provider's kind and changes nothing on a bad one", async () => {
    await expect(updateProvider("db-smpp", { settings: { port: 70_000 } })).rejects.toBeInstanceOf(AppError);
    expect((await listProviders()).find((p) => p.name === "db-smpp")?.settings.port).toBe(smsc.port);
    const updated = await updateProvider("db-smpp", { maxPerSecond: 200, settings: { windowSize: 30 } });
    expect(updated).toMatchObject({ maxPerSecond: 200, settings: expect.objectContaining({ windowSize: 30, port: smsc.port }) });
  });

  it("sets a route with ordered providers, replaces it, and refuses unknown providers", async () => {
    await expect(setRoute({ country: "KE", providers: ["db-celcom", "nope"] })).rejects.toMatchObject({ code: "validation_failed" });
    await setRoute({ country: "ke", providers: ["db-smpp", "db-celcom"], strategy: "score" });
    await setRoute({ country: "KE", providers: ["db-celcom", "db-smpp"] });
    expect((await listRoutes()).filter((route) => route.country === "KE")).toEqual([
      expect.objectContaining({ country: "KE", mno: null, strategy: "priority", providers: ["db-celcom", "db-smpp"] }),
    ]);
  });

  it("routes through the database's route, and provider status shows the open breaker, traffic and Celcom's balance", async () => {
    sending = await startSending({ concurrency: 5, backoffMs: 50, routing: { breaker: { consecutiveFailures: 3, halfOpenAfterMs: 60_000 } } });
    celcom.updateConfig({ outage: "503" });
    const account = await createTestAccount({ credits: 100_000 });
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) {
      const response = await callRoute<{ messageId: string }>(sendRoute, { apiKey: account.apiKey, body: { to: `+2547125000${i}0`, from: account.senderId, body: "hi" } });
      ids.push(response.body.messageId);
    }
    await waitFor(async () => (await db.message.count({ where: { id: { in: ids }, status: "sent", provider: "db-smpp" } })) === ids.length, 15_000, "all sent via db-smpp");
    celcom.updateConfig({ outage: "off" });
    const status = await waitFor(async () => {
      const rows = await getProviderStatus();
      return rows.find((row) => row.name === "db-celcom")?.state === "open" ? rows : null;
    }, 5_000, "breaker state published");
    const byName = Object.fromEntries(status.map((row) => [row.name, row]));
    expect(byName["db-celcom"]).toMatchObject({ kind: "celcom", state: "open", successRatio: 0, balance: { minor: expect.any(Number), text: expect.any(String) } });
    await waitFor(async () => ((await getProviderStatus()).find((row) => row.name === "db-smpp")?.attempts5m ?? 0) >= 8, 5_000, "health flushed");
    const smpp = (await getProviderStatus()).find((row) => row.name === "db-smpp");
    expect(smpp).toMatchObject({ kind: "smpp", state: "closed", successRatio: 1, balance: null, queueDepth: 0 });
    expect(smpp?.p50LatencyMs).toEqual(expect.any(Number));
    await setProviderEnabled("db-celcom", false);
    expect((await getProviderStatus()).find((row) => row.name === "db-celcom")?.state).toBe("disabled");
  });
});
