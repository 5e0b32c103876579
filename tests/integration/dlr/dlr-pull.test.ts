import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkLedger } from "@/lib/credits/check-ledger";
import { db } from "@/lib/db";
import { pullThenExpire } from "@/lib/dlr/pull-missing-reports";
import { metrics } from "@/lib/observability/metrics";
import { createProvider } from "@/lib/providers";
import { sharedRedis } from "@/lib/queue/connection";
import { ProviderRouter } from "@/lib/routing/provider-router";
import { createCelcomSimulator, type CelcomSimulator } from "@/simulators/celcom/create-celcom-simulator";
import { createSmppSimulator, type SmppSimulator } from "@/simulators/smpp/create-smpp-simulator";
import { createTestAccount, type TestAccount } from "@/tests/helpers/accounts";
import { createTestMessage } from "@/tests/helpers/messages";
import { celcomDefinition, kenyaTable, smppDefinition } from "@/tests/integration/routing/helpers";

let celcom: CelcomSimulator;
let smsc: SmppSimulator;
let viaCelcom: ProviderRouter;
let viaSmpp: ProviderRouter;
let account: TestAccount;

beforeAll(async () => {
  // Both providers accept and settle every message, but drop the report they should push.
  celcom = await createCelcomSimulator({ dlrEnabled: false, dlrLatencyMinMs: 0, dlrLatencyMaxMs: 0, outcomes: { DeliveredToTerminal: 1 } });
  smsc = await createSmppSimulator({ adminPort: null, dlrEnabled: false, dlrLatencyMinMs: 0, dlrLatencyMaxMs: 0, outcomes: { UNDELIV: 1 } });
  const celcomA = celcomDefinition("celcom-pull", celcom);
  const smppB = smppDefinition("smpp-pull", smsc);
  const fallback = createProvider({ kind: "simulator", baseUrl: celcom.url });
  viaCelcom = new ProviderRouter({ table: kenyaTable([celcomA, smppB]), fallback, redis: sharedRedis() });
  viaSmpp = new ProviderRouter({ table: kenyaTable([smppB, celcomA]), fallback, redis: sharedRedis() });
  account = await createTestAccount({ credits: 100_000 });
});

afterAll(async () => {
  await viaCelcom?.close();
  await viaSmpp?.close();
  await smsc?.close();
  await celcom?.close();
});

/** A message the provider really accepted, `sent` for longer than the expiry window (49 h). */
async function staleSentMessage(router: ProviderRouter, to: string) {
  const result = await router.send({ messageId: "pull-test", to, from: account.senderId, body: "Where is my report?", country: "KE" }, "priority");
  if (!result.ok) throw new Error(`send failed: ${result.code}`);
  const message = await createTestMessage({ accountId: account.accountId, provider: result.provider, providerMessageId: result.providerMessageId, cost: 80 });
  await db.$executeRaw`UPDATE messages SET sent_at = now() - interval '49 hours', updated_at = now() - interval '49 hours' WHERE id = ${message.id}::uuid`;
  return message;
}

async function pulls(provider: string, outcome: string): Promise<number> {
  const metric = await metrics.dlrPulls.get();
  return metric.values.find((value) => value.labels.provider === provider && value.labels.outcome === outcome)?.value ?? 0;
}

const statusOf = async (id: string) => (await db.message.findUniqueOrThrow({ where: { id }, select: { status: true, statusReason: true, chargeState: true } }));

describe("missing delivery reports are pulled before expiry", () => {
  it("asks Celcom (getdlr) and the SMSC (query_sm) and applies their final answers instead of expiring", async () => {
    const celcomMessage = await staleSentMessage(viaCelcom, "+254712400001");
    const smppMessage = await staleSentMessage(viaSmpp, "+254712400002");
    expect(smppMessage.providerMessageId).not.toBe(celcomMessage.providerMessageId);
    const before = { celcom: await pulls("celcom-pull", "final"), smpp: await pulls("smpp-pull", "final") };

    const result = await pullThenExpire({ pull: (provider, id) => viaCelcom.getDeliveryReport(provider, id), olderThanHours: 48, retryDelayMs: 10 });
    expect(result.final).toBeGreaterThanOrEqual(2);

    expect(await statusOf(celcomMessage.id)).toMatchObject({ status: "delivered", statusReason: "DeliveredToTerminal", chargeState: "captured" });
    expect(await statusOf(smppMessage.id)).toMatchObject({ status: "undeliverable", statusReason: "UNDELIV", chargeState: "captured" });
    expect(smsc.stats.queries).toBeGreaterThanOrEqual(1);
    const reports = await db.deliveryReport.findMany({ where: { messageId: { in: [celcomMessage.id, smppMessage.id] } }, select: { payload: true } });
    expect(reports).toHaveLength(2);
    expect(reports.every((report) => (report.payload as { pulled?: boolean }).pulled === true)).toBe(true);
    expect(await pulls("celcom-pull", "final")).toBe(before.celcom + 1);
    expect(await pulls("smpp-pull", "final")).toBe(before.smpp + 1);
    // The webhook outbox row is the DLR path's own.
    expect(await db.messageEvent.count({ where: { messageId: celcomMessage.id, status: "delivered", source: "dlr" } })).toBe(1);
    expect((await checkLedger(account.accountId)).problems).toEqual([]);
  });

  it("expires a message the provider does not know, and keeps one whose provider cannot answer until the grace ends", async () => {
    const unknown = await createTestMessage({ accountId: account.accountId, provider: "celcom-pull", providerMessageId: "999999999", cost: 80 });
    const unreachable = await createTestMessage({ accountId: account.accountId, provider: "smpp-pull", providerMessageId: "ffff0001", cost: 80 });
    await db.$executeRaw`UPDATE messages SET sent_at = now() - interval '49 hours' WHERE id IN (${unknown.id}::uuid, ${unreachable.id}::uuid)`;
    let asked = 0;
    const failing = async (provider: string, id: string) => {
      if (provider === "celcom-pull") return viaCelcom.getDeliveryReport(provider, id);
      asked++;
      return { ok: false as const, retryable: true, code: "provider_timeout", reason: "no reply within 2000 ms" };
    };

    const first = await pullThenExpire({ pull: failing, olderThanHours: 48, graceHours: 6, retryDelayMs: 10 });
    expect(first.deferred).toBeGreaterThanOrEqual(1);
    expect(asked).toBe(2);
    expect((await statusOf(unknown.id)).status).toBe("expired");
    expect((await statusOf(unreachable.id)).status).toBe("sent");

    await db.$executeRaw`UPDATE messages SET sent_at = now() - interval '55 hours' WHERE id = ${unreachable.id}::uuid`;
    await pullThenExpire({ pull: failing, olderThanHours: 48, graceHours: 6, retryDelayMs: 10 });
    expect(await statusOf(unreachable.id)).toMatchObject({ status: "expired", statusReason: "no_final_delivery_report", chargeState: "captured" });
    expect((await checkLedger(account.accountId)).problems).toEqual([]);
  });
});
