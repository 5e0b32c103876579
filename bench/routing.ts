// Benchmarks for multi-provider routing, with both simulators in this process and one sending worker.
// Usage: DATABASE_URL=… QUEUE_PREFIX=bench-routing SEMA_MODE=test LOG_LEVEL=warn npx tsx bench/routing.ts <mode> [--messages N] [--seconds S]
//   smpp-throughput  N messages (default 20000) through the SMPP simulator alone: sent messages/s (windowed submit_sm)
//   failover         Celcom simulator in outage (503), then SMPP: p50/p99 from accept to `sent` for N messages (default 2000)
//   dead-provider    Celcom in outage for S seconds (default 300) with a steady trickle of sends: requests Celcom received
import { db } from "@/lib/db";
import { acceptMessage } from "@/lib/messages/accept-message";
import { sendMessageInput } from "@/lib/messages/schemas";
import { createProvider } from "@/lib/providers";
import { closeQueues, getQueue } from "@/lib/queue/enqueue";
import { enqueueMessageBatches } from "@/lib/sending/send-batch";
import type { ProviderDefinition, RoutingTable } from "@/lib/routing/types";
import { createCelcomSimulator } from "@/simulators/celcom/create-celcom-simulator";
import { createSmppSimulator } from "@/simulators/smpp/create-smpp-simulator";
import { createAccount } from "@/lib/accounts/create-account";
import { startSending } from "@/workers/sending";

const mode = process.argv[2];
const option = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};

const celcom = await createCelcomSimulator({ dlrEnabled: false });
const smsc = await createSmppSimulator({ adminPort: null, dlrEnabled: false });
const celcomRow: ProviderDefinition = {
  id: "c", name: "bench-celcom", kind: "celcom", enabled: true, maxPerSecond: 100_000, costs: {}, version: "1",
  settings: { baseUrl: celcom.url, partnerId: celcom.config.partnerId, timeoutMs: 5_000 }, secrets: { apiKey: celcom.config.apiKey },
};
const smppRow: ProviderDefinition = {
  id: "s", name: "bench-smpp", kind: "smpp", enabled: true, maxPerSecond: 100_000, costs: {}, version: "1",
  settings: { host: "127.0.0.1", port: smsc.port, systemId: smsc.config.systemId, windowSize: 100 }, secrets: { password: smsc.config.password },
};
const providers = mode === "smpp-throughput" ? [smppRow] : [celcomRow, smppRow];
const table: RoutingTable = { providers: new Map(providers.map((p) => [p.name, p])), routes: [{ country: "KE", mno: "", strategy: "priority", providers: providers.map((p) => p.name) }] };

const account = await createAccount({
  name: `Bench routing ${Date.now()}`,
  owner: { email: `bench-routing-${Date.now()}@example.test`, name: "Bench", password: "bench-routing-password" },
  credits: 1_000_000_000_000,
  approvedSenderId: "BENCH",
  withApiKey: false,
});
const accept = (index: number) =>
  acceptMessage({ accountId: account.accountId }, sendMessageInput.parse({ to: `+2547${String(10_000_000 + index).slice(-8)}`, from: "BENCH", body: "Routing benchmark" }));

// Polled every 200 ms in this process: by account (one index scan), so the polling costs little of the measured drain.
async function sentCount(ids: string[]): Promise<number> {
  const [row] = await db.$queryRaw<{ sent: number }[]>`SELECT count(*)::int AS sent FROM messages WHERE account_id = ${account.accountId}::uuid AND status = 'sent'`;
  return Math.min(row.sent, ids.length);
}

if (mode === "failover" || mode === "dead-provider") celcom.updateConfig({ outage: "503" });
const startWorker = () => startSending({ concurrency: 100, routing: { table: async () => table, fallback: createProvider({ kind: "simulator", baseUrl: celcom.url }) } });
// Throughput: the backlog is accepted first and re-enqueued as batch jobs, then one worker drains it (the drain is what is measured).
let sending = mode === "smpp-throughput" ? null : await startWorker();

if (mode === "smpp-throughput" || mode === "failover") {
  const count = option("messages", mode === "smpp-throughput" ? 20_000 : 2_000);
  const ids: string[] = [];
  const started = Date.now();
  for (let i = 0; i < count; i += 50) ids.push(...(await Promise.all(Array.from({ length: Math.min(50, count - i) }, (_, k) => accept(i + k)))).map((m) => m.messageId));
  const acceptedMs = Date.now() - started;
  if (mode === "smpp-throughput") {
    // As a campaign sends: batch jobs of 500 (one claim and one `sent` statement each), messages submitted concurrently into the SMPP window.
    await getQueue("smsNormal").drain();
    await enqueueMessageBatches(ids, "normal");
  }
  const drainStarted = Date.now();
  // This process's CPU over the drain (worker, router, SMPP client and the simulator): comparable across runs on a shared machine.
  const drainCpu = process.cpuUsage();
  sending ??= await startWorker();
  while ((await sentCount(ids)) < count) await new Promise((resolve) => setTimeout(resolve, 200));
  const seconds = (Date.now() - (mode === "smpp-throughput" ? drainStarted : started)) / 1000;
  const cpu = process.cpuUsage(drainCpu);
  const cpuMsPerMessage = Math.round(((cpu.user + cpu.system) / 1000 / count) * 1000) / 1000;
  const latencies = await db.$queryRaw<{ p50: number; p99: number }[]>`
    SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM sent_at - created_at)) * 1000 AS p50,
           percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM sent_at - created_at)) * 1000 AS p99
    FROM messages WHERE id = ANY(${ids}::uuid[])`;
  process.stdout.write(`${JSON.stringify({ mode, messages: count, acceptSeconds: acceptedMs / 1000, seconds, messagesPerSecond: Math.round(count / seconds), cpuMsPerMessage, acceptToSentMs: latencies[0], smsc: smsc.stats.accepted, celcomOutageRejected: celcom.stats.outageRejected })}\n`);
} else if (mode === "dead-provider") {
  const seconds = option("seconds", 300);
  const ids: string[] = [];
  const until = Date.now() + seconds * 1000;
  let index = 0;
  while (Date.now() < until) {
    ids.push(...(await Promise.all(Array.from({ length: 20 }, () => accept(index++)))).map((m) => m.messageId));
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  while ((await sentCount(ids)) < ids.length) await new Promise((resolve) => setTimeout(resolve, 200));
  process.stdout.write(`${JSON.stringify({ mode, seconds, messages: ids.length, requestsToDeadProvider: celcom.stats.outageRejected, sentViaSmpp: smsc.stats.accepted })}\n`);
} else {
  process.stderr.write("usage: bench/routing.ts smpp-throughput|failover|dead-provider [--messages N] [--seconds S]\n");
  process.exitCode = 2;
}

await sending?.close();
await smsc.close();
await celcom.close();
await closeQueues();
await db.$disconnect();
