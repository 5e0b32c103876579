// Benchmark: drains a campaign's batch send jobs through the sending worker (in this process)
// into the Celcom simulator (a child process, DLRs off, unthrottled), measuring sent messages/s
// and this process's peak RSS. Run bench/campaign-expand.ts … --keep-jobs first; pass its campaign id.
// Usage: DATABASE_URL=… QUEUE_PREFIX=bench LOG_LEVEL=warn npx tsx bench/send-drain.ts <campaignId>
//          [--concurrency 8] [--one-by-one] [--max-seconds 600] [--port 4111]
// Batch jobs use the provider's bulk endpoint (SEND_BATCH_USE_PROVIDER_BULK); --one-by-one sends
// each message in its own request instead.
import { fork } from "node:child_process";
import path from "node:path";
import { db } from "@/lib/db";
import { createProvider } from "@/lib/providers";
import { closeQueues, getQueue } from "@/lib/queue/enqueue";
import { startSending } from "@/workers/sending";

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
}

const campaignId = process.argv[2];
if (!campaignId) throw new Error("usage: send-drain.ts <campaignId> [--concurrency n] [--one-by-one] [--max-seconds s]");
const concurrency = option("concurrency", 8);
const maxSeconds = option("max-seconds", 600);
const port = option("port", 4111);
const bulk = !process.argv.includes("--one-by-one");

const simulator = fork(path.join(import.meta.dirname, "..", "simulators/celcom/main.ts"), {
  execArgv: ["--import", "tsx"],
  env: { ...process.env, SEMA_MODE: "test", SIMULATOR_PORT: String(port), SIMULATOR_CONFIG: JSON.stringify({ dlrEnabled: false }), LOG_LEVEL: "warn" },
  stdio: "inherit",
});
const simulatorUrl = `http://127.0.0.1:${port}`;
for (let tries = 0; ; tries++) {
  try {
    await fetch(simulatorUrl);
    break;
  } catch (error) {
    if (tries > 100) throw error;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function counts() {
  const rows = await db.$queryRaw<{ status: string; n: bigint }[]>`
    SELECT status::text AS status, count(*) AS n FROM messages WHERE campaign_id = ${campaignId}::uuid GROUP BY status`;
  return Object.fromEntries(rows.map((row) => [row.status, Number(row.n)]));
}

const before = await counts();
const pendingBefore = (before.submitted ?? 0) + (before.queued ?? 0);
process.stdout.write(`pending ${pendingBefore}, sms.normal waiting jobs ${await getQueue("smsNormal").getWaitingCount()}, concurrency ${concurrency}, bulk ${bulk}\n`);

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
const provider = createProvider({ kind: "simulator", baseUrl: simulatorUrl, timeoutMs: 30_000 });
const started = Date.now();
const sending = await startSending({ provider, concurrency, useProviderBatch: bulk });

let now = before;
for (;;) {
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  now = await counts();
  const pending = (now.submitted ?? 0) + (now.queued ?? 0);
  const seconds = (Date.now() - started) / 1000;
  process.stdout.write(`${seconds.toFixed(0)} s: sent ${(now.sent ?? 0) - (before.sent ?? 0)}, pending ${pending}\n`);
  // Messages claimed by a batch that died mid-send (an earlier, killed run) wait for the reconciler.
  const jobs = await getQueue("smsNormal").getJobCounts("waiting", "active", "delayed", "prioritized");
  if (pending === 0 || Object.values(jobs).every((count) => count === 0) || seconds > maxSeconds) break;
}
const seconds = (Date.now() - started) / 1000;
await sending.close();
clearInterval(sampler);
now = await counts();
const sent = (now.sent ?? 0) - (before.sent ?? 0);
process.stdout.write(
  `drained ${sent} sent (+${(now.failed ?? 0) - (before.failed ?? 0)} failed, ${now.queued ?? 0} left queued for the reconciler) in ${seconds.toFixed(1)} s: ` +
    `${Math.round(sent / seconds)} messages/s, ` +
    `peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB\n`,
);
simulator.kill("SIGTERM");
await closeQueues();
await db.$disconnect();
