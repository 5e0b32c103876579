import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as sendRoute } from "@/app/api/v1/messages/route";
import { db } from "@/lib/db";
import { createSmppSimulator, type SmppSimulator } from "@/simulators/smpp/create-smpp-simulator";
import { createTestAccount } from "@/tests/helpers/accounts";
import { callRoute } from "@/tests/helpers/http";
import { waitFor } from "@/tests/helpers/messages";

const PER_SECOND = 10;
const MESSAGES = 40;
let smsc: SmppSimulator;
const workers: ChildProcess[] = [];

function startWorkerProcess(): Promise<ChildProcess> {
  const child = spawn(path.resolve("node_modules/.bin/tsx"), ["tests/integration/routing/fixtures/throttled-sender.ts"], {
    env: { ...process.env, SMPP_PORT: String(smsc.port), THROTTLE_PER_SECOND: String(PER_SECOND) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  workers.push(child);
  return new Promise((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("ready")) resolve(child);
    });
    child.on("exit", (code) => reject(new Error(`worker exited with ${code}`)));
  });
}

beforeAll(async () => {
  // The SMSC refuses more than 1.5× the configured rate within a second with ESME_RTHROTTLED (the
  // margin absorbs submits this busy test process reads in bunches; unthrottled, all 40 arrive in one second).
  smsc = await createSmppSimulator({ adminPort: null, dlrEnabled: false, maxPerSecond: PER_SECOND * 1.5 });
  await Promise.all([startWorkerProcess(), startWorkerProcess()]);
}, 60_000);

afterAll(async () => {
  await Promise.all(workers.map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : (child.on("exit", resolve), child.kill("SIGTERM"))))));
  await smsc?.close();
});

describe("per-provider throttle across worker processes", () => {
  it("two worker processes together never exceed the provider's messages per second", { timeout: 60_000 }, async () => {
    const account = await createTestAccount({ credits: 1_000_000 });
    const samples: { at: number; accepted: number }[] = [];
    const sampler = setInterval(() => samples.push({ at: Date.now(), accepted: smsc.stats.accepted }), 100);
    const started = Date.now();
    const ids: string[] = [];
    for (let i = 0; i < MESSAGES; i++) {
      const response = await callRoute<{ messageId: string }>(sendRoute, { apiKey: account.apiKey, body: { to: `+2547126${String(i).padStart(5, "0")}`, from: account.senderId, body: "throttled" } });
      ids.push(response.body.messageId);
    }
    await waitFor(async () => (await db.message.count({ where: { id: { in: ids }, status: "sent" } })) === MESSAGES, 30_000, "all sent");
    const elapsedMs = Date.now() - started;
    clearInterval(sampler);
    expect(smsc.stats.throttled).toBe(0);
    expect(smsc.stats.accepted).toBe(MESSAGES);
    // At 10 per second (one send per 100 ms slot), 40 messages take at least 3 s after the first second's worth.
    expect(elapsedMs).toBeGreaterThanOrEqual(((MESSAGES - PER_SECOND) / PER_SECOND) * 1_000);
    // Between samples about two seconds apart, one send per 100 ms slot they touch, give or take
    // a few submits read late by this process's event loop.
    for (let i = 20; i < samples.length; i++) {
      const slots = Math.ceil((samples[i].at - samples[i - 20].at) / 100) + 1;
      expect(samples[i].accepted - samples[i - 20].accepted).toBeLessThanOrEqual(slots + 3);
    }
  });
});
