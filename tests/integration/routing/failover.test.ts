import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getMessageRoute } from "@/app/api/v1/messages/[id]/route";
import { POST as sendRoute } from "@/app/api/v1/messages/route";
import { checkLedger } from "@/lib/credits/check-ledger";
import { createProvider } from "@/lib/providers";
import { createCelcomSimulator, type CelcomSimulator } from "@/simulators/celcom/create-celcom-simulator";
import { createSmppSimulator, type SmppSimulator } from "@/simulators/smpp/create-smpp-simulator";
import type { MessageStatus } from "@/lib/generated/prisma/enums";
import { createTestAccount, type TestAccount } from "@/tests/helpers/accounts";
import { callRoute } from "@/tests/helpers/http";
import { messageWithEvents } from "@/tests/helpers/messages";
import { celcomDefinition, kenyaTable, smppDefinition } from "@/tests/integration/routing/helpers";
import { startDlr } from "@/workers/dlr";
import { startSending } from "@/workers/sending";
import type { Closeable } from "@/workers/runtime";

let celcom: CelcomSimulator;
let smsc: SmppSimulator;
let running: Closeable[] = [];
let account: TestAccount;

const INVALID_ON_CELCOM = "+254712300001";
const BARRED_ON_SMPP = "+254712300002";

beforeAll(async () => {
  celcom = await createCelcomSimulator({ dlrEnabled: false, rules: [{ mobileSuffix: "712300001", fail: { code: 1003 } }] });
  smsc = await createSmppSimulator({
    adminPort: null,
    dlrLatencyMinMs: 0,
    dlrLatencyMaxMs: 50,
    outcomes: { DELIVRD: 1 },
    rules: [{ mobileSuffix: "712300002", fail: { status: 0x65 } }],
  });
  running = [
    await startSending({
      concurrency: 10,
      backoffMs: 50,
      maxAttempts: 3,
      routing: {
        table: kenyaTable([celcomDefinition("celcom-a", celcom), smppDefinition("smpp-b", smsc)]),
        fallback: createProvider({ kind: "simulator", baseUrl: celcom.url }),
        breaker: { consecutiveFailures: 5, halfOpenAfterMs: 60_000 },
      },
    }),
    startDlr({ batchWaitMs: 20 }),
  ];
  account = await createTestAccount({ credits: 100_000 });
});

afterAll(async () => {
  for (const handle of running) await handle.close();
  await smsc?.close();
  await celcom?.close();
});

async function send(to: string): Promise<string> {
  const response = await callRoute<{ messageId: string }>(sendRoute, { apiKey: account.apiKey, body: { to, from: account.senderId, body: "Routed hello" } });
  expect(response.status).toBe(202);
  return response.body.messageId;
}

async function waitForStatus(id: string, statuses: MessageStatus[], timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const message = await messageWithEvents(id);
    if (statuses.includes(message.status)) return message;
    if (Date.now() > deadline) throw new Error(`message ${id} is ${message.status}, expected ${statuses.join("|")}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

type ApiMessage = { provider: string; status: string; sendAttempts: { attempt: number; provider: string; outcome: string; code: string | null }[] };

describe("routing and failover (Celcom simulator first, SMPP simulator second)", () => {
  it("sends through the first provider while it is healthy and shows the provider and attempts in the API", async () => {
    const id = await send("+254712300010");
    await waitForStatus(id, ["sent", "delivered"]);
    const response = await callRoute<ApiMessage>(getMessageRoute, { apiKey: account.apiKey, params: { id } });
    expect(response.body.provider).toBe("celcom-a");
    expect(response.body.sendAttempts).toEqual([expect.objectContaining({ attempt: 1, provider: "celcom-a", outcome: "sent", code: null })]);
  });

  it("does not fail over a permanent error for the number: one attempt, rejected and refunded", async () => {
    const before = smsc.stats.submits;
    const id = await send(INVALID_ON_CELCOM);
    const message = await waitForStatus(id, ["rejected"]);
    expect(message.statusReason).toContain("celcom_1003");
    expect(smsc.stats.submits).toBe(before);
    const response = await callRoute<ApiMessage>(getMessageRoute, { apiKey: account.apiKey, params: { id } });
    expect(response.body.sendAttempts).toEqual([expect.objectContaining({ provider: "celcom-a", outcome: "rejected", code: "celcom_1003_invalid_mobile" })]);
    expect((await checkLedger(account.accountId)).problems).toEqual([]);
  });

  it("moves every message to the SMPP provider during a Celcom outage, and the breaker keeps requests to Celcom to a handful", async () => {
    celcom.updateConfig({ outage: "503" });
    const celcomBefore = celcom.stats.outageRejected;
    const ids = await Promise.all(Array.from({ length: 40 }, (_, index) => send(`+2547124${String(index).padStart(5, "0")}`)));
    const messages = await Promise.all(ids.map((id) => waitForStatus(id, ["sent", "delivered"])));
    expect(messages.every((message) => message.provider === "smpp-b")).toBe(true);
    // Five consecutive failures open the circuit; in-flight sends may add a few more (concurrency 10).
    expect(celcom.stats.outageRejected - celcomBefore).toBeGreaterThanOrEqual(5);
    expect(celcom.stats.outageRejected - celcomBefore).toBeLessThanOrEqual(15);
    const failedOver = await callRoute<ApiMessage>(getMessageRoute, { apiKey: account.apiKey, params: { id: ids[0] } });
    expect(failedOver.body.sendAttempts.map((entry) => [entry.provider, entry.outcome])).toEqual([
      ["celcom-a", "provider_failure"],
      ["smpp-b", "sent"],
    ]);
    expect(failedOver.body.sendAttempts.every((entry) => entry.attempt === 1)).toBe(true);
  });

  it("finalises SMPP messages from receipts (deliver_sm) and captures their charges", async () => {
    const id = await send("+254712300020");
    const message = await waitForStatus(id, ["delivered"]);
    expect(message.provider).toBe("smpp-b");
    expect(message.chargeState).toBe("captured");
    expect((await checkLedger(account.accountId)).problems).toEqual([]);
  });

  it("does not fail over a number the SMPP provider reports barred", async () => {
    const id = await send(BARRED_ON_SMPP);
    const message = await waitForStatus(id, ["failed"]);
    expect(message.statusReason).toContain("smpp_barred");
  });

  it("reconnects to the SMSC after it restarts and sends again", async () => {
    const port = smsc.port;
    await smsc.close();
    smsc = await createSmppSimulator({ port, adminPort: null, dlrLatencyMinMs: 0, dlrLatencyMaxMs: 50, outcomes: { DELIVRD: 1 } });
    const deadline = Date.now() + 10_000;
    while (smsc.stats.binds === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(smsc.stats.binds).toBe(1);
    const id = await send("+254712300030");
    const message = await waitForStatus(id, ["delivered"]);
    expect(message.provider).toBe("smpp-b");
  });
});
