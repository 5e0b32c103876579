import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkLedger } from "@/lib/credits/check-ledger";
import { db } from "@/lib/db";
import { touchStuckMessages } from "@/lib/messages/transitions/touch-stuck-messages";
import { createProvider } from "@/lib/providers";
import type { SmsProvider } from "@/lib/providers/types";
import { getQueue } from "@/lib/queue/enqueue";
import { reconcileStuckMessages } from "@/lib/sending/reconcile-messages";
import { sendMessageBatch } from "@/lib/sending/send-batch";
import { createCelcomSimulator, type CelcomSimulator } from "@/simulators/celcom/create-celcom-simulator";
import { createTestAccount } from "@/tests/helpers/accounts";
import { createTestMessage, messageWithEvents, waitFor } from "@/tests/helpers/messages";
import type { Closeable } from "@/workers/runtime";
import { startSending } from "@/workers/sending";

const TWENTY_DAYS = 20 * 24 * 3600;

let simulator: CelcomSimulator;
let provider: SmsProvider;
let sending: Closeable | undefined;

beforeAll(async () => {
  simulator = await createCelcomSimulator({ dlrEnabled: false });
  provider = createProvider({ kind: "simulator", baseUrl: simulator.url, timeoutMs: 2_000 });
});

afterAll(async () => {
  await sending?.close();
  await simulator?.close();
});

/**
 * Messages a batch job claimed (`queued`, one attempt) before its worker was killed, untouched for
 * 30 days: older than any other test file's stuck messages (they share the database), so the sweeps
 * here, which look past 20 days, take only these.
 */
async function claimedByDeadWorker(accountId: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    const message = await createTestMessage({ accountId, status: "queued", providerMessageId: null, to: `+2547125${String(Date.now() + index).slice(-5)}` });
    ids.push(message.id);
  }
  await db.$executeRaw`UPDATE messages SET updated_at = now() - interval '30 days', sent_at = NULL WHERE id = ANY(${ids}::uuid[])`;
  return ids;
}

describe("the reconciler takes over messages whose send was lost", () => {
  it("sends them again as one batch job through the provider's bulk endpoint, ahead of the backlog", async () => {
    const account = await createTestAccount();
    const ids = await claimedByDeadWorker(account.accountId, 3);

    expect((await reconcileStuckMessages({ olderThanSeconds: TWENTY_DAYS })).reenqueued).toBe(3);
    const waiting = await getQueue("smsNormal").getWaiting(0, -1);
    const takeover = waiting.find((job) => "messageIds" in job.data && ids.every((id) => (job.data.messageIds as string[]).includes(id)));
    expect(takeover?.data.claimToken).toEqual(expect.any(String));
    expect(takeover?.opts.lifo).toBe(true);

    const queuedEventsBefore = (await messageWithEvents(ids[0])).events.filter((event) => event.status === "queued").length;
    const requests = simulator.stats.sendRequests;
    sending = await startSending({ provider, useProviderBatch: true, concurrency: 5 });
    await waitFor(async () => (await db.message.count({ where: { id: { in: ids }, status: "sent" } })) === 3, 15_000, "the takeover to send them");
    expect(simulator.stats.sendRequests - requests).toBeLessThanOrEqual(2);
    const message = await messageWithEvents(ids[0]);
    // The second claim is a retry: one more attempt, no second `queued` event.
    expect(message.attempts).toBe(2);
    expect(message.events.filter((event) => event.status === "queued")).toHaveLength(queuedEventsBefore);
    expect((await checkLedger(account.accountId)).problems).toEqual([]);
  });

  it("claims nothing once the touch it carries is stale: a live send or a newer takeover has the message", async () => {
    const account = await createTestAccount();
    const ids = await claimedByDeadWorker(account.accountId, 2);
    const touched = (await touchStuckMessages(TWENTY_DAYS, 10_000)).filter((row) => ids.includes(row.id));
    expect(touched).toHaveLength(2);
    // A newer touch (the next reconciler run, or a send's claim refresh) replaces the token.
    await db.$executeRaw`UPDATE messages SET updated_at = now() + interval '1 millisecond' WHERE id = ANY(${ids}::uuid[])`;

    const accepted = simulator.stats.accepted;
    const options = { provider, maxAttempts: 3, backoffMs: 50, priority: "normal" as const, useProviderBatch: true };
    expect(await sendMessageBatch(ids, options, touched[0].claimToken)).toMatchObject({ claimed: 0, sent: 0 });
    expect(simulator.stats.accepted).toBe(accepted);

    const [current] = await db.$queryRaw<{ token: string }[]>`SELECT updated_at::text AS token FROM messages WHERE id = ${ids[0]}::uuid`;
    expect(await sendMessageBatch(ids, options, current.token)).toMatchObject({ claimed: 2, sent: 2 });
  });
});
