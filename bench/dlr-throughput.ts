// DLR processing throughput, batched (one statement per 100 reports, as the processor flushes)
// versus one statement per report, in the same run against the same database, both with the same
// number of statements in flight (the processor's DLR_BATCH_CONCURRENCY). Not a timed test.
//
// Phase 2b measures the durable path (dlr_inbox group commit, then the processor deleting rows).
//
//   DATABASE_URL=<a migrated database> npx tsx bench/dlr-throughput.ts [--messages 20000] [--unbatched 2000] [--batch 100] [--concurrency 2]
import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { createAccount } from "@/lib/accounts/create-account";
import { checkLedger } from "@/lib/credits/check-ledger";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { applyFinalReports } from "@/lib/messages/transitions/apply-final-reports";
import { createDlrProcessor } from "@/lib/dlr/dlr-processor";
import type { InboundDlr } from "@/lib/dlr/schemas";
import { countInboxJobs, storeInboxJobs } from "@/lib/queue/durable-inbox";

const { values } = parseArgs({
  options: {
    messages: { type: "string", default: "20000" },
    unbatched: { type: "string", default: "2000" },
    batch: { type: "string", default: "100" },
    concurrency: { type: "string", default: String(env.DLR_BATCH_CONCURRENCY) },
  },
});
const batchedCount = Number(values.messages);
const unbatchedCount = Number(values.unbatched);
const batchSize = Number(values.batch);
const concurrency = Number(values.concurrency);
const COST = 80;

async function sentMessages(accountId: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; offset < count; offset += 5_000) {
    const rows = Array.from({ length: Math.min(5_000, count - offset) }, () => ({ id: randomUUID(), providerMessageId: `bench-${randomBytes(8).toString("hex")}` }));
    const total = BigInt(rows.length * COST);
    await db.$transaction(async (tx) => {
      await tx.$executeRaw`UPDATE accounts SET balance = balance - ${total}, reserved = reserved + ${total} WHERE id = ${accountId}::uuid`;
      await tx.message.createMany({
        data: rows.map((row) => ({
          id: row.id, accountId, to: "+254712345678", from: "BENCH", body: "bench", encoding: "gsm7" as const, segments: 1,
          country: "KE", operator: "Safaricom", status: "sent" as const, cost: COST, provider: "celcom",
          providerMessageId: row.providerMessageId, attempts: 1, sentAt: new Date(),
        })),
      });
      await tx.ledgerEntry.createMany({ data: rows.map((row) => ({ accountId, type: "reserve" as const, amount: BigInt(COST), messageId: row.id })) });
    }, { timeout: 120_000 });
    ids.push(...rows.map((row) => row.providerMessageId));
  }
  return ids;
}

function reportsFor(providerIds: string[]): InboundDlr[] {
  const receivedAt = new Date();
  return providerIds.map((providerMessageId) => ({
    provider: "celcom",
    providerMessageId,
    description: "DeliveredToTerminal",
    status: "delivered",
    occurredAt: receivedAt,
    receivedAt,
    payload: { description: "DeliveredToTerminal", messageid: providerMessageId, timeTaken: "5s", timestamp: "2026-11-23 10:00:00" },
  }));
}

/** Applies `reports` in slices of `size`, `concurrency` statements at a time (as the processor's flush slots do). */
async function applyInSlices(reports: InboundDlr[], size: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let start = next; start < reports.length; start = next) {
        next += size;
        await applyFinalReports(reports.slice(start, start + size));
      }
    }),
  );
}

/** Busy CPU seconds of the whole machine (all processes, from /proc/stat). */
function machineBusySeconds(): number {
  const [, ...fields] = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/);
  const [user, nice, system, , , irq, softirq, steal] = fields.map(Number);
  return (user + nice + system + irq + softirq + steal) / 100;
}

async function timed<T>(run: () => Promise<T>): Promise<{ seconds: number; result: T; benchCpuSeconds: number; machineCpuSeconds: number }> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const busy = machineBusySeconds();
  const result = await run();
  const used = process.cpuUsage(cpu);
  return {
    seconds: (performance.now() - started) / 1000,
    result,
    benchCpuSeconds: +((used.user + used.system) / 1e6).toFixed(2),
    machineCpuSeconds: +(machineBusySeconds() - busy).toFixed(2),
  };
}

const suffix = randomBytes(4).toString("hex");
const account = await createAccount({
  name: `DLR bench ${suffix}`,
  owner: { email: `dlr-bench-${suffix}@example.test`, name: "Bench", password: randomBytes(12).toString("hex") },
  credits: 1_000_000_000,
});
const batchedIds = await sentMessages(account.accountId, batchedCount);
const processorIds = await sentMessages(account.accountId, batchedCount);
const inboxIds = await sentMessages(account.accountId, batchedCount);
const unbatchedIds = await sentMessages(account.accountId, unbatchedCount);
// Fresh statistics after the bulk load, as autovacuum would have them in a running system.
await db.$executeRaw`ANALYZE messages`;

// 1. Batched statements, applied back to back (the processor's flush slots without the queue).
const batched = await timed(() => applyInSlices(reportsFor(batchedIds), batchSize));

// 2. The micro-batching processor fed by many concurrent callers (as BullMQ jobs feed it).
let flushes = 0;
const processor = createDlrProcessor({ batchSize, batchWaitMs: 500, batchConcurrency: concurrency, onBatch: () => void (flushes += 1) });
const viaProcessor = await timed(async () => {
  const reports = reportsFor(processorIds);
  await Promise.all(reports.map((report) => processor.process({ provider: "celcom", receivedAt: report.receivedAt.toISOString(), reports: [report.payload] })));
});

// 2b. The durable path: every report first committed to dlr_inbox by the callbacks' group commit
// (one request per report, all at once), then applied by the processor, which deletes its row.
let inboxWriteSeconds = 0;
const viaInbox = await timed(async () => {
  const started = performance.now();
  const jobs = await Promise.all(
    reportsFor(inboxIds).map(async (report) => (await storeInboxJobs("dlrInbound", [{ provider: "celcom", receivedAt: report.receivedAt.toISOString(), reports: [report.payload] }]))[0]),
  );
  inboxWriteSeconds = (performance.now() - started) / 1000;
  await Promise.all(jobs.map((job) => processor.process(job)));
});
const inboxLeft = await countInboxJobs("dlrInbound");

// 3. One statement per report.
const unbatched = await timed(() => applyInSlices(reportsFor(unbatchedIds), 1));

const delivered = await db.message.count({ where: { accountId: account.accountId, status: "delivered" } });
const ledger = await checkLedger(account.accountId);
const batchedRate = Math.round(batchedCount / batched.seconds);
const unbatchedRate = Math.round(unbatchedCount / unbatched.seconds);
process.stdout.write(
  `${JSON.stringify(
    {
      batchSize,
      concurrency,
      batched: {
        reports: batchedCount,
        seconds: +batched.seconds.toFixed(2),
        perSecond: batchedRate,
        benchCpuSeconds: batched.benchCpuSeconds,
        machineCpuSeconds: batched.machineCpuSeconds,
      },
      processor: { reports: batchedCount, seconds: +viaProcessor.seconds.toFixed(2), perSecond: Math.round(batchedCount / viaProcessor.seconds) },
      inboxThenProcessor: {
        reports: batchedCount,
        seconds: +viaInbox.seconds.toFixed(2),
        perSecond: Math.round(batchedCount / viaInbox.seconds),
        inboxWritePerSecond: Math.round(batchedCount / inboxWriteSeconds),
        inboxRowsLeft: inboxLeft,
      },
      flushes,
      unbatched: { reports: unbatchedCount, seconds: +unbatched.seconds.toFixed(2), perSecond: unbatchedRate },
      speedup: +(batchedRate / unbatchedRate).toFixed(1),
      delivered,
      expectedDelivered: 3 * batchedCount + unbatchedCount,
      ledgerProblems: ledger.problems,
    },
    null,
    2,
  )}\n`,
);
await db.$disconnect();
