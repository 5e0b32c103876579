import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { checkLedger } from "@/lib/credits/check-ledger";
import { acceptMessage } from "@/lib/messages/accept-message";
import { sendMessageInput } from "@/lib/messages/schemas";
import { createProvider } from "@/lib/providers";
import { sharedRedis } from "@/lib/queue/connection";
import { ProviderRouter } from "@/lib/routing/provider-router";
import { sendMessageBatch } from "@/lib/sending/send-batch";
import { createCelcomSimulator, type CelcomSimulator } from "@/simulators/celcom/create-celcom-simulator";
import { createSmppSimulator, type SmppSimulator } from "@/simulators/smpp/create-smpp-simulator";
import { createTestAccount, type TestAccount } from "@/tests/helpers/accounts";
import { celcomDefinition, kenyaTable, smppDefinition } from "@/tests/integration/routing/helpers";

// Campaign batches through the router: a batch job hands its messages to the router at once, which
// sends them to the chosen provider's bulk endpoint and moves what failed over to the next one.

let celcom: CelcomSimulator;
let smsc: SmppSimulator;
let router: ProviderRouter;
let account: TestAccount;

beforeAll(async () => {
  celcom = await createCelcomSimulator({ dlrEnabled: false });
  smsc = await createSmppSimulator({ adminPort: null, dlrEnabled: false });
  router = new ProviderRouter({
    table: kenyaTable([celcomDefinition("celcom-batch", celcom), smppDefinition("smpp-batch", smsc)]),
    fallback: createProvider({ kind: "simulator", baseUrl: celcom.url }),
    redis: sharedRedis(),
    breaker: { consecutiveFailures: 5, halfOpenAfterMs: 60_000 },
  });
  account = await createTestAccount({ credits: 100_000 });
});

afterAll(async () => {
  await router?.close();
  await smsc?.close();
  await celcom?.close();
});

async function acceptBatch(count: number, first: number): Promise<string[]> {
  const created = await Promise.all(
    Array.from({ length: count }, (_, index) =>
      acceptMessage({ accountId: account.accountId }, sendMessageInput.parse({ to: `+2547125${String(first + index).padStart(5, "0")}`, from: account.senderId, body: "Campaign hello" })),
    ),
  );
  return created.map((message) => message.messageId);
}

const sendBatch = (ids: string[], through: ProviderRouter = router) =>
  sendMessageBatch(ids, { provider: through.lane("bulk", true), maxAttempts: 3, backoffMs: 50, priority: "normal", useProviderBatch: true });

async function attemptsOf(id: string) {
  return db.sendAttempt.findMany({ where: { messageId: id }, orderBy: { id: "asc" }, select: { provider: true, outcome: true, attempt: true } });
}

describe("campaign batches through the router", () => {
  it("sends a batch through Celcom's bulk endpoint in one request", async () => {
    const ids = await acceptBatch(20, 0);
    const requestsBefore = celcom.stats.sendRequests;
    const summary = await sendBatch(ids);
    expect(summary).toMatchObject({ claimed: 20, sent: 20, retrying: 0, failed: 0 });
    expect(celcom.stats.sendRequests - requestsBefore).toBe(1);
    const messages = await db.message.findMany({ where: { id: { in: ids } }, select: { status: true, provider: true } });
    expect(messages.every((message) => message.status === "sent" && message.provider === "celcom-batch")).toBe(true);
    expect(await attemptsOf(ids[0])).toEqual([{ provider: "celcom-batch", outcome: "sent", attempt: 1 }]);
  });

  it("fails the whole batch over to the SMPP provider while Celcom is in outage", async () => {
    celcom.updateConfig({ outage: "503" });
    try {
      const ids = await acceptBatch(20, 100);
      const rejectedBefore = celcom.stats.outageRejected;
      const smscBefore = smsc.stats.accepted;
      const summary = await sendBatch(ids);
      expect(summary).toMatchObject({ claimed: 20, sent: 20, retrying: 0, failed: 0 });
      // One bulk request reached the dead provider, then every message went out over SMPP.
      expect(celcom.stats.outageRejected - rejectedBefore).toBe(1);
      expect(smsc.stats.accepted - smscBefore).toBe(20);
      const messages = await db.message.findMany({ where: { id: { in: ids } }, select: { status: true, provider: true } });
      expect(messages.every((message) => message.status === "sent" && message.provider === "smpp-batch")).toBe(true);
      expect(await attemptsOf(ids[0])).toEqual([
        { provider: "celcom-batch", outcome: "provider_failure", attempt: 1 },
        { provider: "smpp-batch", outcome: "sent", attempt: 1 },
      ]);
      expect((await checkLedger(account.accountId)).problems).toEqual([]);
    } finally {
      celcom.updateConfig({ outage: "off" });
    }
  });

  it("skips a provider whose circuit is open without a request, and sends the batch over SMPP", async () => {
    celcom.updateConfig({ outage: "503" });
    try {
      // Five failed bulk requests open Celcom's circuit (five consecutive failures).
      for (let round = 0; round < 5; round++) await sendBatch(await acceptBatch(2, 200 + round * 2));
      expect(router.breakerStates()["celcom-batch"]).toBe("open");
      const rejectedBefore = celcom.stats.outageRejected;
      const ids = await acceptBatch(10, 300);
      expect(await sendBatch(ids)).toMatchObject({ claimed: 10, sent: 10 });
      expect(celcom.stats.outageRejected).toBe(rejectedBefore);
      expect(await attemptsOf(ids[0])).toEqual([{ provider: "smpp-batch", outcome: "sent", attempt: 1 }]);
    } finally {
      celcom.updateConfig({ outage: "off" });
    }
  });

  it("keeps a slow provider within its rate: one bulk request per throttle slot's worth", async () => {
    // 100/s: 100 ms slots of 10 sends, of which campaign batches may take 8.
    const slow = new ProviderRouter({
      table: kenyaTable([celcomDefinition("celcom-slow", celcom, { maxPerSecond: 100 })]),
      fallback: createProvider({ kind: "simulator", baseUrl: celcom.url }),
      redis: sharedRedis(),
    });
    try {
      const ids = await acceptBatch(20, 400);
      const requestsBefore = celcom.stats.sendRequests;
      expect(await sendBatch(ids, slow)).toMatchObject({ claimed: 20, sent: 20 });
      expect(celcom.stats.sendRequests - requestsBefore).toBe(3);
    } finally {
      await slow.close();
    }
  });
});
