#!/usr/bin/env node
// Load test of the Celcom DLR callback (POST /api/callbacks/celcom/dlr): 50 connections, one
// report per request, each a distinct message id. Counts 200s per second. Not a timed test.
//
//   BENCH_URL=http://127.0.0.1:3000 DLR_CALLBACK_TOKEN=<token> node bench/dlr-callback.mjs
//   options: --duration <s> (20)  --connections <n> (50)
import { parseArgs } from "node:util";
import autocannon from "autocannon";

const { values } = parseArgs({ options: { duration: { type: "string", default: "20" }, connections: { type: "string", default: "50" } } });
const baseUrl = (process.env.BENCH_URL ?? "http://127.0.0.1:3000").replace(/\/+$/, "");
const token = process.env.DLR_CALLBACK_TOKEN ?? "dev-dlr-callback-token";
let sequence = Date.now() * 100;

const result = await new Promise((resolve, reject) => {
  autocannon(
    {
      url: `${baseUrl}/api/callbacks/celcom/dlr`,
      method: "POST",
      connections: Number(values.connections),
      duration: Number(values.duration),
      headers: { "content-type": "application/json", "x-callback-token": token },
      setupClient: (client) => {
        client.setBody(JSON.stringify({ description: "DeliveredToTerminal", messageid: String(++sequence), timeTaken: "4s", timestamp: "2026-11-23 10:00:00" }));
      },
    },
    (error, output) => (error ? reject(error) : resolve(output)),
  );
});
const seconds = (new Date(result.finish).getTime() - new Date(result.start).getTime()) / 1000;
console.log(
  JSON.stringify(
    {
      route: "POST /api/callbacks/celcom/dlr",
      connections: Number(values.connections),
      requests: result.requests.total,
      accepted: result["2xx"],
      other: result.non2xx,
      errors: result.errors + result.timeouts,
      acceptedPerSecond: Math.round(result["2xx"] / seconds),
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
    },
    null,
    2,
  ),
);
