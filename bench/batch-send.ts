// Batch send throughput against Kannel's sendsms in the same run. Not a timed test: run it by hand
// (see bench/README.md) against a running app, with Kannel installed (apt-get install kannel kannel-extras).
//
//   BENCH_URL=http://127.0.0.1:3917 DATABASE_URL=<the app's database> npx tsx bench/batch-send.ts
//   options: --duration <s> (20)  --connections <n> (4, batch requests in flight)  --kannel-connections <n> (50)
//            --batch-size <n> (1000)  --kannel-port <base port> (14000)
//
// In one run: Kannel's sendsms (bearerbox + smsbox + fakesmsc on 127.0.0.1, spool store, started and
// stopped by bench/kannel/*.sh) in messages/s, the app's empty health route in requests/s, and
// POST /v1/messages/batch in messages/s with the p99 of one request. No worker needs to run.
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "20" },
    connections: { type: "string", default: "4" },
    "kannel-connections": { type: "string", default: "50" },
    "batch-size": { type: "string", default: "1000" },
    "kannel-port": { type: "string", default: "14000" },
  },
});
const duration = Number(values.duration);
const batchSize = Number(values["batch-size"]);
const baseUrl = (process.env.BENCH_URL ?? "http://127.0.0.1:3000").replace(/\/+$/, "");
const benchDir = import.meta.dirname;

type Options = autocannon.Options;

function run(options: Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

function seconds(result: autocannon.Result): number {
  return (new Date(result.finish).getTime() - new Date(result.start).getTime()) / 1000;
}

function statusCount(result: autocannon.Result, status: number): number {
  return result.statusCodeStats?.[String(status)]?.count ?? 0;
}

function benchAccount(...args: string[]): Record<string, unknown> {
  const output = execFileSync("npx", ["tsx", path.join(benchDir, "bench-account.ts"), ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  return JSON.parse(output.trim().split("\n").at(-1)!) as Record<string, unknown>;
}

async function measureKannel(): Promise<Record<string, unknown>> {
  const stateDir = mkdtempSync(path.join(os.tmpdir(), "bench-kannel-"));
  const sendsmsUrl = execFileSync(path.join(benchDir, "kannel", "start-kannel.sh"), [stateDir, values["kannel-port"]!], { encoding: "utf8" }).trim();
  try {
    const url = `${sendsmsUrl}?username=bench&password=bench&from=BENCH&to=254712345678&text=${encodeURIComponent("Your verification code is 493817.")}`;
    const connections = Number(values["kannel-connections"]);
    await run({ url, connections, duration: 3 });
    const result = await run({ url, connections, duration });
    const accepted = statusCount(result, 202);
    return { route: "Kannel GET /cgi-bin/sendsms", connections, accepted, messagesPerSecond: Math.round(accepted / seconds(result)), p50Ms: result.latency.p50, p99Ms: result.latency.p99 };
  } finally {
    execFileSync(path.join(benchDir, "kannel", "stop-kannel.sh"), [stateDir]);
  }
}

async function measureHealth(): Promise<Record<string, unknown>> {
  const url = `${baseUrl}/api/health`;
  await run({ url, connections: 50, duration: 3 });
  const result = await run({ url, connections: 50, duration });
  return { route: "GET /api/health", requestsPerSecond: Math.round(result["2xx"] / seconds(result)), p99Ms: result.latency.p99 };
}

async function measureBatch(account: Record<string, unknown>): Promise<Record<string, unknown>> {
  // Distinct valid Safaricom numbers: every item is accepted, so messages = 202 responses × batch size.
  const to = Array.from({ length: batchSize }, (_, index) => `0712${String(index).padStart(6, "0")}`);
  const request: Options = {
    url: `${baseUrl}/v1/messages/batch`,
    method: "POST",
    headers: { authorization: `Bearer ${String(account.apiKey)}`, "content-type": "application/json" },
    body: JSON.stringify({ to, from: account.senderId, body: "Your verification code is 493817. It expires in 10 minutes." }),
    connections: Number(values.connections),
    timeout: 30,
  };
  await run({ ...request, duration: 3 });
  const result = await run({ ...request, duration });
  const accepted = statusCount(result, 202);
  return {
    route: "POST /v1/messages/batch",
    batchSize,
    connections: request.connections,
    requests: result.requests.total,
    accepted,
    other: result.requests.total - accepted,
    messagesPerSecond: Math.round((accepted * batchSize) / seconds(result)),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
  };
}

const account = benchAccount("create");
const kannel = await measureKannel();
const health = await measureHealth();
const batch = await measureBatch(account);
const report = {
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadAverage: os.loadavg() },
  settings: { baseUrl, duration },
  results: [kannel, health, batch],
  batchToKannelRatio: Number((Number(batch.messagesPerSecond) / Number(kannel.messagesPerSecond)).toFixed(3)),
  target: {
    messagesPerSecondAtLeastKannel: Number(batch.messagesPerSecond) >= Number(kannel.messagesPerSecond),
    p99UnderOneSecond: Number(batch.p99Ms) < 1_000,
  },
  database: benchAccount("verify", String(account.accountId)),
};
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
