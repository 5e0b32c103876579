#!/usr/bin/env node
// Load test of POST /v1/messages against a running app, with GET /api/health of the same app as
// the baseline. Not a timed test: run it by hand (see bench/README.md).
//
//   BENCH_URL=http://127.0.0.1:3000 DATABASE_URL=<the app's database> node bench/send-api.mjs
//   options: --duration <s> (30)  --connections <n> (50)
import { execFileSync } from "node:child_process";
import os from "node:os";
import { parseArgs } from "node:util";
import autocannon from "autocannon";

const { values } = parseArgs({
  options: { duration: { type: "string", default: "30" }, connections: { type: "string", default: "50" } },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const baseUrl = (process.env.BENCH_URL ?? "http://127.0.0.1:3000").replace(/\/+$/, "");

function benchAccount(...args) {
  const output = execFileSync("npx", ["tsx", "bench/bench-account.ts", ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  return JSON.parse(output.trim().split("\n").at(-1));
}

function run(options) {
  return new Promise((resolve, reject) => {
    autocannon({ connections, duration, ...options }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

function summarise(name, result, okStatus) {
  const seconds = (new Date(result.finish).getTime() - new Date(result.start).getTime()) / 1000;
  const ok = okStatus === 202 ? (result.statusCodeStats?.["202"]?.count ?? 0) : result["2xx"];
  return {
    route: name,
    requests: result.requests.total,
    ok,
    other: result.requests.total - ok,
    errors: result.errors + result.timeouts,
    okPerSecond: Math.round(ok / seconds),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
  };
}

const account = benchAccount("create");
const warmup = { duration: 3 };

await run({ url: `${baseUrl}/api/health`, ...warmup });
const health = summarise("GET /api/health", await run({ url: `${baseUrl}/api/health` }), 200);

const sendRequest = {
  url: `${baseUrl}/v1/messages`,
  method: "POST",
  headers: { authorization: `Bearer ${account.apiKey}`, "content-type": "application/json" },
  body: JSON.stringify({ to: "0712345678", from: account.senderId, body: "Your verification code is 493817. It expires in 10 minutes." }),
};
await run({ ...sendRequest, ...warmup });
const send = summarise("POST /v1/messages", await run(sendRequest), 202);

const check = benchAccount("verify", account.accountId);
const report = {
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
  settings: { baseUrl, duration, connections },
  results: [health, send],
  acceptedToHealthRatio: Number((send.okPerSecond / health.okPerSecond).toFixed(3)),
  target: { acceptedPerSecond: 1000, p99Ms: 100, met: send.okPerSecond >= 1000 && send.p99Ms < 100 },
  database: check,
};
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
