import http from "node:http";
import { type AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type CelcomAdapter } from "@/lib/providers/celcom/adapter";
import { type CelcomSimulator, createCelcomSimulator } from "@/simulators/celcom/create-celcom-simulator";
import { createProvider } from "@/lib/providers";
import { type OutboundSms } from "@/lib/providers/types";

const API_KEY = "test-api-key";
const PARTNER_ID = "4242";
const TOKEN = "test-callback-token";

interface ReceivedDlr {
  token: string | undefined;
  body: unknown;
}

/** A stand-in for our DLR callback: records every POST and answers with the queued statuses (then 200). */
async function startReceiver() {
  const received: ReceivedDlr[] = [];
  const statuses: number[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const status = statuses.shift() ?? 200;
      if (status === 200) {
        received.push({ token: req.headers["x-callback-token"] as string | undefined, body: JSON.parse(Buffer.concat(chunks).toString()) });
      }
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/callbacks/celcom/dlr`,
    received,
    statuses,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function waitFor<T>(probe: () => T | undefined, timeoutMs = 3_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function sms(to: string, messageId = "m-1"): OutboundSms {
  return { messageId, to, from: "SEMALINK", body: "Hello" };
}

describe("Celcom simulator with the real Celcom adapter", () => {
  let simulator: CelcomSimulator;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let provider: CelcomAdapter;

  const dlrsFor = (providerMessageId: string) =>
    receiver.received.flatMap((entry) => (Array.isArray(entry.body) ? entry.body : [entry.body]))
      .filter((body: { messageid: string }) => body.messageid === providerMessageId) as { description: string }[];

  beforeAll(async () => {
    receiver = await startReceiver();
    simulator = await createCelcomSimulator({
      apiKey: API_KEY,
      partnerId: PARTNER_ID,
      dlrUrl: receiver.url,
      dlrToken: TOKEN,
      dlrLatencyMinMs: 0,
      dlrLatencyMaxMs: 30,
      dlrRetryBaseMs: 10,
      outcomes: { DeliveredToTerminal: 1 },
      firstMessageId: 5_000,
      seed: 7,
    });
    provider = createProvider({ kind: "simulator", baseUrl: simulator.url, apiKey: API_KEY, partnerId: PARTNER_ID, timeoutMs: 2_000 });
  });

  afterAll(async () => {
    await simulator.close();
    await receiver.close();
  });

  beforeEach(async () => {
    simulator.reset();
    // A report the previous test's send already had in flight lands before the receiver is emptied.
    await simulator.whenDlrsIdle();
    receiver.received.length = 0;
    receiver.statuses.length = 0;
  });

  it("accepts a send, returns an increasing provider id and pushes a Celcom-format DLR with the token", async () => {
    const first = await provider.send(sms("+254712345678"));
    const second = await provider.send(sms("+254712345679"));
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(Number(second.providerMessageId)).toBe(Number(first.providerMessageId) + 1);

    const delivered = await waitFor(() => receiver.received.find((entry) => (entry.body as { messageid: string }).messageid === first.providerMessageId));
    expect(delivered.token).toBe(TOKEN);
    expect(delivered.body).toEqual({
      description: "DeliveredToTerminal",
      messageid: first.providerMessageId,
      timeTaken: expect.stringMatching(/^\d+s$/),
      timestamp: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
    });
    expect(simulator.stats).toMatchObject({ sendRequests: 2, accepted: 2 });
  });

  it("counts a message accepted twice (same mobile and text) as a duplicate send", async () => {
    await provider.send(sms("+254712345678"));
    await provider.send({ ...sms("+254712345678"), body: "Another text" });
    await provider.send(sms("+254712345678"));
    await provider.sendBatch([sms("+254712345678"), sms("+254712345679")]);
    expect(simulator.stats).toMatchObject({ accepted: 5, duplicateSends: 2 });
  });

  it("rejects wrong credentials with a permanent 1006", async () => {
    const wrong = createProvider({ kind: "simulator", baseUrl: simulator.url, apiKey: "nope", partnerId: PARTNER_ID });
    expect(await wrong.send(sms("+254712345678"))).toMatchObject({ ok: false, retryable: false, code: "celcom_1006_invalid_credentials" });
    expect(simulator.stats.rejectedByCode).toEqual({ 1006: 1 });
  });

  it("rejects an invalid mobile with a permanent 1003", async () => {
    expect(await provider.send(sms("+25471234"))).toMatchObject({ ok: false, retryable: false, code: "celcom_1003_invalid_mobile" });
  });

  it("turns an injected HTTP 500 into a retryable failure", async () => {
    simulator.updateConfig({ http500Probability: 1 });
    expect(await provider.send(sms("+254712345678"))).toMatchObject({ ok: false, retryable: true, code: "provider_http_5xx", httpStatus: 500 });
    expect(simulator.stats.httpErrorsInjected).toBe(1);
  });

  it("turns an injected hang into a retryable timeout", async () => {
    simulator.updateConfig({ timeoutProbability: 1 });
    const impatient = createProvider({ kind: "simulator", baseUrl: simulator.url, apiKey: API_KEY, partnerId: PARTNER_ID, timeoutMs: 150 });
    expect(await impatient.send(sms("+254712345678"))).toMatchObject({ ok: false, retryable: true, code: "provider_timeout" });
    expect(simulator.stats.timeoutsInjected).toBe(1);
  });

  it("injects a chosen Celcom code", async () => {
    simulator.updateConfig({ errorCodeProbability: 1, errorCode: 4090 });
    expect(await provider.send(sms("+254712345678"))).toMatchObject({ ok: false, retryable: true, code: "celcom_4090_internal_error", retryAfterMs: 300_000 });
  });

  it("follows per-number rules without randomness: fail twice then succeed, permanent error, chosen outcome", async () => {
    simulator.updateConfig({
      http500Probability: 1,
      rules: [
        { mobileSuffix: "0002", fail: { http: 500 }, failTimes: 2 },
        { mobileSuffix: "0001", fail: { code: 1003 } },
        { mobileSuffix: "0004", dlr: "AbsentSubscriber" },
      ],
    });
    const attempts = [];
    for (let attempt = 0; attempt < 3; attempt += 1) attempts.push(await provider.send(sms("+254712340002")));
    expect(attempts.map((result) => (result.ok ? "ok" : result.code))).toEqual(["provider_http_5xx", "provider_http_5xx", "ok"]);

    for (let attempt = 0; attempt < 2; attempt += 1) {
      expect(await provider.send(sms("+254712340001"))).toMatchObject({ ok: false, retryable: false, code: "celcom_1003_invalid_mobile" });
    }

    const expiring = await provider.send(sms("+254712340004"));
    if (!expiring.ok) throw new Error("expected the send to be accepted");
    const [report] = await waitFor(() => (dlrsFor(expiring.providerMessageId).length > 0 ? dlrsFor(expiring.providerMessageId) : undefined));
    expect(report.description).toBe("AbsentSubscriber");
  });

  it("answers 503 or drops connections during an outage, and recovers when it ends", async () => {
    simulator.updateConfig({ outage: "503" });
    expect(await provider.send(sms("+254712345678"))).toMatchObject({ ok: false, retryable: true, code: "provider_http_5xx", httpStatus: 503 });
    simulator.updateConfig({ outage: "reset" });
    expect(await provider.send(sms("+254712345678"))).toMatchObject({ ok: false, retryable: true, code: "provider_network_error" });

    const admin = await fetch(`${simulator.url}/admin/config`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ outage: "off" }),
    });
    expect(admin.status).toBe(200);
    expect(await provider.send(sms("+254712345678"))).toMatchObject({ ok: true });
    expect(simulator.stats).toMatchObject({ outageRejected: 1, connectionsReset: 1, accepted: 1 });
  });

  it("sends batches through sendbulk and maps each result back", async () => {
    const results = await provider.sendBatch([sms("+254712345601", "a"), sms("+2547", "b"), sms("+254712345603", "c")]);
    expect(results.map((result) => (result.ok ? "ok" : result.code))).toEqual(["ok", "celcom_1003_invalid_mobile", "ok"]);
    expect(simulator.stats.sendRequests).toBe(1);
  });

  it("reports balance, charges accepted sends and refuses with 1004 when credit runs out", async () => {
    simulator.updateConfig({ creditMinor: 150, smsCostMinor: 100 });
    expect(await provider.getBalance()).toEqual({ ok: true, creditMinor: 150, creditText: "1.50" });
    expect(await provider.send(sms("+254712345678"))).toMatchObject({ ok: true });
    expect(await provider.send(sms("+254712345678"))).toMatchObject({ ok: false, retryable: true, code: "celcom_1004_low_bulk_credits" });
    expect(await provider.getBalance()).toMatchObject({ ok: true, creditMinor: 50 });
  });

  it("serves pulled delivery reports once the final report falls due", async () => {
    simulator.updateConfig({ dlrEnabled: false });
    const sent = await provider.send(sms("+254712345678"));
    if (!sent.ok) throw new Error("expected the send to be accepted");
    await simulator.whenDlrsIdle();
    expect(await provider.getDeliveryReport(sent.providerMessageId)).toMatchObject({ ok: true, description: "DeliveredToTerminal", outcome: "delivered" });
    expect(await provider.getDeliveryReport("1")).toMatchObject({ ok: false, code: "celcom_1009_no_delivery_report" });
    expect(receiver.received).toHaveLength(0);
    expect(simulator.stats.dlrsSuppressed).toBe(1);
  });

  it("retries DLR posts the receiver refuses", async () => {
    receiver.statuses.push(500, 503);
    const sent = await provider.send(sms("+254712345678"));
    if (!sent.ok) throw new Error("expected the send to be accepted");
    await simulator.whenDlrsIdle();
    expect(dlrsFor(sent.providerMessageId)).toHaveLength(1);
    expect(simulator.stats).toMatchObject({ dlrPostErrors: 2, dlrsPosted: 1, dlrsFailed: 0 });
  });

  it("gives up on a DLR after dlrMaxAttempts", async () => {
    simulator.updateConfig({ dlrMaxAttempts: 2 });
    receiver.statuses.push(500, 500, 500);
    await provider.send(sms("+254712345678"));
    await simulator.whenDlrsIdle();
    expect(simulator.stats).toMatchObject({ dlrPostErrors: 2, dlrsPosted: 0, dlrsFailed: 1 });
  });

  it("can send SentToNetwork first, out of order, and duplicated", async () => {
    simulator.updateConfig({
      sentToNetwork: true,
      rules: [
        { mobileSuffix: "0010", dlr: "DeliveryImpossible", outOfOrder: true },
        { mobileSuffix: "0011", dlr: "DeliveredToTerminal", duplicateDlr: true },
      ],
    });
    const inOrder = await provider.send(sms("+254712345678"));
    const reordered = await provider.send(sms("+254712340010"));
    const duplicated = await provider.send(sms("+254712340011"));
    if (!inOrder.ok || !reordered.ok || !duplicated.ok) throw new Error("expected the sends to be accepted");
    await simulator.whenDlrsIdle();
    expect(dlrsFor(inOrder.providerMessageId).map((dlr) => dlr.description)).toEqual(["SentToNetwork", "DeliveredToTerminal"]);
    expect(dlrsFor(reordered.providerMessageId).map((dlr) => dlr.description)).toEqual(["DeliveryImpossible", "SentToNetwork"]);
    expect(dlrsFor(duplicated.providerMessageId).map((dlr) => dlr.description)).toEqual([
      "SentToNetwork",
      "DeliveredToTerminal",
      "DeliveredToTerminal",
    ]);
    // A stale SentToNetwork never overrides the final status served to pulls.
    expect(await provider.getDeliveryReport(reordered.providerMessageId)).toMatchObject({ ok: true, outcome: "undeliverable" });
  });

  it("posts DLRs as JSON arrays when dlrBatchSize is above one", async () => {
    simulator.updateConfig({ dlrBatchSize: 10, dlrLatencyMinMs: 20, dlrLatencyMaxMs: 20 });
    const results = await provider.sendBatch(Array.from({ length: 5 }, (_, index) => sms(`+25471234560${index}`, `m${index}`)));
    expect(results.every((result) => result.ok)).toBe(true);
    await simulator.whenDlrsIdle();
    expect(receiver.received.every((entry) => Array.isArray(entry.body))).toBe(true);
    expect(receiver.received.flatMap((entry) => entry.body as unknown[])).toHaveLength(5);
  });

  it("exposes config and stats over the admin API and rejects invalid config", async () => {
    const invalid = await fetch(`${simulator.url}/admin/config`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ http500Probability: 2, dlrLatencyMinMs: 5 }),
    });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { error: { details: string[] } }).error.details[0]).toMatch(/^http500Probability/);
    expect(simulator.config.dlrLatencyMinMs).toBe(0);

    await provider.send(sms("+254712345678"));
    const stats = (await (await fetch(`${simulator.url}/admin/stats`)).json()) as { accepted: number };
    expect(stats.accepted).toBe(1);
    const config = (await (await fetch(`${simulator.url}/admin/config`)).json()) as { partnerId: string };
    expect(config.partnerId).toBe(PARTNER_ID);
    expect((await fetch(`${simulator.url}/admin/reset`, { method: "POST" })).status).toBe(200);
    expect(simulator.stats.accepted).toBe(0);
  });

  it("accepts the GET form of sendsms", async () => {
    const query = new URLSearchParams({ apikey: API_KEY, partnerID: PARTNER_ID, message: "Hi", shortcode: "SEMALINK", mobile: "0712345678" });
    const reply = (await (await fetch(`${simulator.url}/api/services/sendsms/?${query}`)).json()) as { responses: { mobile: number }[] };
    expect(reply.responses[0]).toMatchObject({ "response-code": 200, mobile: 254712345678, networkid: "1" });
  });
});
