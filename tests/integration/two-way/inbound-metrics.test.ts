import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { metrics } from "@/lib/observability/metrics";
import { createTestAccount } from "@/tests/helpers/accounts";
import { assignNumber, nextProviderId, postInbound, uniquePhone, uniqueShortCode, waitForInbound, waitForInboundQueueIdle } from "@/tests/helpers/two-way";
import { startInbound } from "@/workers/inbound";
import type { Closeable } from "@/workers/runtime";

let worker: Closeable;
beforeAll(() => {
  worker = startInbound();
});
afterAll(async () => {
  await worker.close();
});

async function counterValue(counter: { get(): Promise<{ values: { value: number; labels: Record<string, string | number> }[] }> }, labels: Record<string, string>) {
  const { values } = await counter.get();
  return values.filter((value) => Object.entries(labels).every(([key, expected]) => value.labels[key] === expected)).reduce((sum, value) => sum + value.value, 0);
}

describe("inbound and opt-out metrics", () => {
  it("count each stored inbound message by provider and each new opt-out by source; a provider retry counts once", async () => {
    const account = await createTestAccount();
    const number = uniqueShortCode();
    await assignNumber(account.accountId, number);
    const inboundBefore = await counterValue(metrics.inboundMessages, { provider: "celcom" });
    const optOutsBefore = await counterValue(metrics.optOuts, { source: "inbound_keyword" });

    const messageid = nextProviderId();
    const body = { from: uniquePhone(), to: number, message: "STOP", messageid };
    expect((await postInbound(body)).status).toBe(200);
    await waitForInbound(messageid);
    expect((await postInbound(body)).status).toBe(200);
    await waitForInboundQueueIdle();

    expect((await counterValue(metrics.inboundMessages, { provider: "celcom" })) - inboundBefore).toBe(1);
    expect((await counterValue(metrics.optOuts, { source: "inbound_keyword" })) - optOutsBefore).toBe(1);
  });
});
