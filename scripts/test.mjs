// `npm test`: typecheck, lint, unit tests, integration tests (real Postgres + Redis, a fresh database
// per run) and Playwright e2e (Debian Chromium) against the built app, worker and simulator running on
// their own fresh database, then a short chaos run (bench/chaos: a worker, the web and Redis killed
// under load, then every message final once, ledgers balanced, webhooks delivered; ports
// CHAOS_PORT_BASE..+3, default 7300; docs/reliability.md). Choose suites with
// TEST_SUITES=static,unit,integration,e2e,chaos (the default).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ROOT, bin, buildIfNeeded, dropDatabase, ensureDatabase, ensurePostgres, ensureRedis, migrate, run, say, sleep } from "./lib/services.mjs";

const suites = new Set((process.env.TEST_SUITES ?? "static,unit,integration,e2e,chaos").split(",").map((s) => s.trim()));
const baseEnv = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  // Test mode: development secrets and loopback webhook receivers are accepted (see lib/startup).
  SEMA_MODE: "test",
  DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/sema_link",
  REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
};
const results = [];
// Processes the e2e suite started; stopped on the way out, also when the run is interrupted.
const running = [];

async function step(name, action) {
  const started = Date.now();
  say(`${name}…`);
  try {
    await action();
    results.push({ name, ok: true, seconds: (Date.now() - started) / 1000 });
  } catch (error) {
    results.push({ name, ok: false, seconds: (Date.now() - started) / 1000 });
    console.error(`\x1b[31m✗ ${name} failed\x1b[0m${error instanceof Error && error.message ? `: ${error.message.split("\n")[0]}` : ""}`);
  }
}

function startProcess(name, command, args, env) {
  // Own process group: tsx and next fork grandchildren, and the whole group must stop together.
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  running.push(child);
  const lines = [];
  const keep = (chunk) => {
    for (const line of chunk.toString().split("\n")) if (line) lines.push(`[${name}] ${line}`);
    if (lines.length > 400) lines.splice(0, lines.length - 400);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  return { name, child, lines };
}

function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group has already exited
  }
}

async function stopProcess(proc) {
  if (proc.child.exitCode !== null) return;
  signalGroup(proc.child, "SIGTERM");
  await Promise.race([new Promise((resolve) => proc.child.on("exit", resolve)), sleep(10_000)]);
  if (proc.child.exitCode === null) signalGroup(proc.child, "SIGKILL");
}

async function waitForHealth(url, procs) {
  for (let i = 0; i < 240; i++) {
    const dead = procs.find((proc) => proc.child.exitCode !== null);
    if (dead) throw new Error(`${dead.name} exited early:\n${dead.lines.slice(-40).join("\n")}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`${url} did not answer within 60 s`);
}

// The generated OpenAPI document against redocly.yaml (the recommended ruleset), offline.
function lintOpenApi() {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "sema-openapi-")), "openapi.json");
  run(bin("tsx"), ["scripts/write-openapi.ts", file], baseEnv);
  run(bin("redocly"), ["lint", file, "--config", "redocly.yaml", "--format", "stylish"], { ...baseEnv, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" });
}

async function e2e() {
  if (!existsSync("/usr/bin/chromium")) throw new Error("Chromium is missing: apt-get install -y chromium (the .ci/run script does this)");
  const runId = `${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const databaseUrl = `postgresql://postgres@127.0.0.1:5432/sema_e2e_${runId}`;
  const webPort = process.env.E2E_WEB_PORT ?? "3100";
  const simulatorPort = process.env.E2E_SIMULATOR_PORT ?? "4110";
  const smppPort = process.env.E2E_SMPP_PORT ?? String(Number(simulatorPort) + 1000);
  const smppAdminPort = process.env.E2E_SMPP_ADMIN_PORT ?? String(Number(simulatorPort) + 2000);
  const env = {
    ...baseEnv,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    QUEUE_PREFIX: `semae2e_${runId}`,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    APP_URL: `http://127.0.0.1:${webPort}`,
    PORT: webPort,
    SMS_PROVIDER: "simulator",
    SIMULATOR_PORT: simulatorPort,
    SIMULATOR_URL: `http://127.0.0.1:${simulatorPort}`,
    SIMULATOR_DLR_URL: `http://127.0.0.1:${webPort}/api/callbacks/celcom/dlr?provider=celcom-sim`,
    SMPP_SIMULATOR_PORT: smppPort,
    SMPP_SIMULATOR_ADMIN_PORT: smppAdminPort,
    SMPP_SIMULATOR_CONFIG: JSON.stringify({ dlrLatencyMinMs: 100, dlrLatencyMaxMs: 400 }),
    SEED_DEMO_PROVIDERS: "true",
    SIMULATOR_DLR_MIN_LATENCY_MS: "100",
    SIMULATOR_DLR_MAX_LATENCY_MS: "400",
    WEBHOOK_ALLOW_LOOPBACK: "true",
    WEBHOOK_RETRY_SCHEDULE_MS: "200,400,800",
    CAMPAIGN_SCHEDULER_INTERVAL_MS: "2000",
    DEMO_EMAIL: "e2e-demo@semalink.test",
    DEMO_PASSWORD: "e2e-demo-password",
    LOG_LEVEL: "warn",
    // Any free port: several runs (and a developer's `npm start`) may share the machine.
    WORKER_METRICS_PORT: "0",
  };
  await ensureDatabase(databaseUrl, { fresh: true });
  const procs = [];
  try {
    migrate(databaseUrl);
    run("npx", ["tsx", "prisma/seed.ts"], env);
    buildIfNeeded();
    procs.push(startProcess("simulator", bin("tsx"), ["simulators/celcom/main.ts"], env));
    procs.push(startProcess("smpp-sim", bin("tsx"), ["simulators/smpp/main.ts"], env));
    procs.push(startProcess("worker", bin("tsx"), ["workers/index.ts"], env));
    procs.push(startProcess("web", bin("next"), ["start", "-p", webPort], env));
    await waitForHealth(`http://127.0.0.1:${webPort}/api/health`, procs);
    try {
      // E2E_ONLY="tests/e2e/a.spec.ts tests/e2e/b.spec.ts" runs a subset while working on a feature.
      const only = (process.env.E2E_ONLY ?? "").split(/\s+/).filter(Boolean);
      run("npx", ["playwright", "test", ...only], {
        ...env,
        E2E_BASE_URL: `http://127.0.0.1:${webPort}`,
        E2E_DEMO_EMAIL: env.DEMO_EMAIL,
        E2E_DEMO_PASSWORD: env.DEMO_PASSWORD,
        // The seeded demo user is also a platform operator.
        E2E_OPERATOR_EMAIL: env.DEMO_EMAIL,
        E2E_OPERATOR_PASSWORD: env.DEMO_PASSWORD,
        E2E_SIMULATOR_URL: env.SIMULATOR_URL,
        E2E_SMPP_ADMIN_URL: `http://127.0.0.1:${smppAdminPort}`,
      });
    } catch (error) {
      for (const proc of procs) console.error(proc.lines.slice(-60).join("\n"));
      throw error;
    }
  } finally {
    await Promise.all(procs.map(stopProcess));
    await dropDatabase(databaseUrl).catch(() => {});
  }
}

async function main() {
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      for (const child of running) if (child.exitCode === null) signalGroup(child, "SIGTERM");
      process.exit(130);
    });
  }
  await ensurePostgres(baseEnv.DATABASE_URL);
  await ensureRedis(baseEnv.REDIS_URL);
  if (suites.has("static")) {
    await step("typecheck", () => run("npx", ["tsc", "--noEmit", "-p", "."], baseEnv));
    await step("lint", () => run("npx", ["eslint", ".", "--max-warnings", "0"], baseEnv));
    await step("OpenAPI lint", lintOpenApi);
  }
  if (suites.has("unit")) await step("unit tests", () => run("npx", ["vitest", "run", "--project", "unit"], baseEnv));
  if (suites.has("integration")) {
    await step("integration tests", () => run("npx", ["vitest", "run", "--project", "integration"], baseEnv));
  }
  if (suites.has("e2e")) await step("e2e tests", e2e);
  // ~5,000 messages, one kill of each kind; the full run is `npm run chaos` (docs/reliability.md).
  if (suites.has("chaos")) await step("chaos (short)", () => run(bin("tsx"), ["bench/chaos/main.ts", "--mode", "chaos", "--short"], baseEnv));

  console.log("\nSummary");
  for (const result of results) console.log(`  ${result.ok ? "\x1b[32m✓" : "\x1b[31m✗"}\x1b[0m ${result.name} (${result.seconds.toFixed(1)} s)`);
  const failed = results.filter((result) => !result.ok).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
