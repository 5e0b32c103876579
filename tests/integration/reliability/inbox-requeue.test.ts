import { UnrecoverableError } from "bullmq";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { acceptDurably, requeueStaleInboxJobs } from "@/lib/queue/durable-inbox";
import { getQueue } from "@/lib/queue/enqueue";
import { createTestAccount } from "@/tests/helpers/accounts";
import { createTestMessage, waitFor } from "@/tests/helpers/messages";
import { inboxRows, loseRedisData } from "@/tests/integration/reliability/helpers";
import { startDlr } from "@/workers/dlr";
import { createQueueWorker, type Closeable } from "@/workers/runtime";

const running: Closeable[] = [];

afterAll(async () => {
  for (const worker of running.reverse()) await worker.close();
});

const reportFor = (providerMessageId: string) => ({
  provider: "celcom",
  receivedAt: new Date().toISOString(),
  reports: [{ messageid: providerMessageId, description: "DeliveredToTerminal", timeTaken: "2s", timestamp: "2026-12-01 10:00:00" }],
});

async function statusOf(messageId: string) {
  return (await db.message.findUniqueOrThrow({ where: { id: messageId } })).status;
}

describe("the DLR inbox reconciler", () => {
  it("queues afresh a report whose job ended in the failed set, and again after Redis lost the re-queued job", async () => {
    const account = await createTestAccount();
    const message = await createTestMessage({ accountId: account.accountId });
    const providerMessageId = message.providerMessageId as string;

    // A worker that dies under every job stands in for BullMQ failing a job stalled past its limit.
    const failing = createQueueWorker("dlrInbound", async () => {
      throw new UnrecoverableError("job stalled more than allowable limit");
    });
    await acceptDurably("dlrInbound", [reportFor(providerMessageId)]);
    const [inboxId] = await db.$queryRaw<{ id: string }[]>`SELECT id FROM dlr_inbox WHERE job @> ${JSON.stringify({ reports: [{ messageid: providerMessageId }] })}::jsonb`.then((rows) => rows.map((row) => row.id));
    await waitFor(async () => (await getQueue("dlrInbound").getJob(inboxId))?.isFailed(), 20_000, "the job to fail");
    await failing.close();

    // Redis still holds the failed job under the row's id: before, re-queueing was a silent no-op. The row is made
    // older than any other test file's (they share the database), so only it is re-queued here.
    const age = (interval: string) => db.$executeRaw`UPDATE dlr_inbox SET received_at = now() - ${interval}::interval, requeued_at = NULL WHERE id = ${inboxId}::uuid`;
    await age("3 hours");
    expect(await requeueStaleInboxJobs("dlrInbound", { olderThanSeconds: 7_200 })).toBe(1);
    const requeued = await getQueue("dlrInbound").getJob(inboxId);
    expect(await requeued?.isWaiting()).toBe(true);
    // A job still waiting is left as it is, not queued again.
    await db.$executeRaw`UPDATE dlr_inbox SET requeued_at = now() - interval '3 hours' WHERE id = ${inboxId}::uuid`;
    expect(await requeueStaleInboxJobs("dlrInbound", { olderThanSeconds: 7_200 })).toBe(0);
    expect((await getQueue("dlrInbound").getJob(inboxId))?.timestamp).toBe(requeued?.timestamp);

    // Redis loses the re-queued job: the row is queued again at the next look past the same age, not ten minutes later.
    await loseRedisData();
    await db.$executeRaw`UPDATE dlr_inbox SET requeued_at = now() - interval '2 hours 1 second' WHERE id = ${inboxId}::uuid`;
    expect(await requeueStaleInboxJobs("dlrInbound", { olderThanSeconds: 7_200 })).toBe(1);

    running.push(startDlr());
    await waitFor(async () => (await statusOf(message.id)) === "delivered", 20_000, "the report to be applied");
    await waitFor(async () => (await inboxRows("dlr_inbox", { reports: [{ messageid: providerMessageId }] })) === 0, 10_000, "the inbox row to go");
  });
});
