// `npm start`: everything a newcomer needs, in the foreground. Checks Postgres and Redis (starting
// local ones if installed), creates and migrates the database, seeds demo data, builds if sources
// changed, then runs web + worker(s) + the simulators under a supervisor (scripts/lib/supervisor.ts:
// a process that crashes is restarted with backoff) and prints the URL and demo credentials.
// WORKERS=N runs N worker processes. Ctrl-C (or SIGTERM) stops all of it; a second Ctrl-C at once.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setInterval } from "node:timers";
import pinoPretty from "pino-pretty";
import { tsImport } from "tsx/esm/api";
import { ROOT, buildIfNeeded, ensureDatabase, ensurePostgres, ensureRedis, migrate, say, sleep } from "./lib/services.mjs";

function persistentSecret() {
  const file = path.join(ROOT, ".data", "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

const PORT = process.env.PORT ?? "3000";
const SIMULATOR_PORT = process.env.SIMULATOR_PORT ?? "4010";
const SMPP_SIMULATOR_PORT = process.env.SMPP_SIMULATOR_PORT ?? "2775";
const SMPP_SIMULATOR_ADMIN_PORT = process.env.SMPP_SIMULATOR_ADMIN_PORT ?? "4012";
const APP_URL = process.env.APP_URL ?? `http://localhost:${PORT}`;
// Demo mode accepts the development secrets and loopback webhooks; set SEMA_MODE=production to run
// `npm start` with real secrets instead (the web app and worker then refuse the defaults).
const SEMA_MODE = process.env.SEMA_MODE ?? "demo";
const DEMO_NOTICE = "demo mode: default secrets, webhooks to loopback allowed (except the app's and simulators' ports)";

const { Supervisor } = await tsImport("./lib/supervisor.ts", import.meta.url);
const { productProcesses, workerCount } = await tsImport("./lib/product-processes.ts", import.meta.url);
const WORKERS = workerCount(process.env.WORKERS);

const env = {
  ...process.env,
  NODE_ENV: "production",
  SEMA_MODE,
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/sema_link",
  REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
  AUTH_SECRET: process.env.AUTH_SECRET ?? persistentSecret(),
  APP_URL,
  PORT,
  SMS_PROVIDER: process.env.SMS_PROVIDER ?? "simulator",
  SIMULATOR_PORT,
  SIMULATOR_URL: process.env.SIMULATOR_URL ?? `http://127.0.0.1:${SIMULATOR_PORT}`,
  // The simulator's reports name the provider row they belong to (celcom-sim, seeded below).
  SIMULATOR_DLR_URL: process.env.SIMULATOR_DLR_URL ?? `http://127.0.0.1:${PORT}/api/callbacks/celcom/dlr?provider=celcom-sim`,
  SMPP_SIMULATOR_PORT,
  SMPP_SIMULATOR_ADMIN_PORT,
  // Seeds celcom-sim and smpp-sim and the Kenya route (celcom-sim, then smpp-sim) into an empty providers table.
  SEED_DEMO_PROVIDERS: process.env.SEED_DEMO_PROVIDERS ?? (SEMA_MODE === "production" ? "false" : "true"),
  // Demo runs deliver webhooks to receivers on this machine; production refuses this setting.
  WEBHOOK_ALLOW_LOOPBACK: process.env.WEBHOOK_ALLOW_LOOPBACK ?? (SEMA_MODE === "production" ? "false" : "true"),
};

const COLOURS = { web: "\x1b[35m", worker: "\x1b[33m", "celcom-sim": "\x1b[34m", "smpp-sim": "\x1b[36m", supervisor: "\x1b[32m" };
const prefix = (name) => `${COLOURS[name.replace(/-\d+$/, "")] ?? ""}[${name}]\x1b[0m `;
// The processes log JSON lines (pino); here they are shown readable. Other lines pass through as they are.
const pretty = pinoPretty.prettyFactory({ colorize: true, singleLine: true, translateTime: "SYS:HH:MM:ss", ignore: "pid,hostname" });
// A worker gets WORKER_SHUTDOWN_TIMEOUT_MS to finish its jobs on SIGTERM; the supervisor waits a little longer before SIGKILL.
const supervisor = new Supervisor({
  stopTimeoutMs: Number(process.env.WORKER_SHUTDOWN_TIMEOUT_MS ?? 30_000) + 5_000,
  line: (name, line) => process.stdout.write(`${prefix(name)}${pretty(line)}`),
  log: (name, message) => console.log(`${prefix("supervisor")}${name === "supervisor" ? "" : `${name} `}${message}`),
});
let exiting = false;

async function stop(code = 0) {
  if (exiting) return;
  exiting = true;
  say(`stopping web, ${WORKERS === 1 ? "worker" : `${WORKERS} workers`} and simulators (Ctrl-C again to kill them at once)`);
  await supervisor.stop();
  process.exit(code);
}

/** Ctrl-C or SIGTERM: a graceful stop; the same signal again while stopping kills everything at once. */
function onSignal() {
  if (exiting) void supervisor.stop();
  else void stop(0);
}

async function waitForWeb() {
  for (let i = 0; i < 240; i++) {
    try {
      const response = await fetch(`http://127.0.0.1:${PORT}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error("the web app did not answer within 60 s");
}

async function main() {
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  // `kill <npm's pid>` ends npm and its shell but does not reach this process: once orphaned, stop too.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void stop(0);
  }, 1_000).unref();

  if (SEMA_MODE === "demo") say(`\x1b[33m${DEMO_NOTICE}\x1b[0m`);
  await ensurePostgres(env.DATABASE_URL);
  await ensureRedis(env.REDIS_URL);
  await ensureDatabase(env.DATABASE_URL);
  migrate(env.DATABASE_URL);
  say("seeding reference and demo data");
  const seedOutput = execFileSync("npx", ["tsx", "prisma/seed.ts"], { cwd: ROOT, env, encoding: "utf8" });
  const demo = JSON.parse(seedOutput.trim().split("\n").at(-1));
  buildIfNeeded();

  for (const spec of productProcesses(ROOT, env, WORKERS)) supervisor.add(spec);
  await waitForWeb();

  const line = "─".repeat(64);
  console.log(`\n${line}
  Sema Link is running at ${APP_URL}

  Portal sign-in   ${demo.email}
  Password         ${demo.password}
  API key          ${demo.apiKey}
  Sender ID        ${demo.senderId} (approved)
  Providers        ${env.SEED_DEMO_PROVIDERS === "true" ? `celcom-sim (Celcom HTTP on :${SIMULATOR_PORT}, admin /admin/*) then smpp-sim (SMPP on :${SMPP_SIMULATOR_PORT}, admin on :${SMPP_SIMULATOR_ADMIN_PORT}); see \`npx smsctl provider status\`` : "as configured (npx smsctl provider list)"}
  Mode             ${SEMA_MODE === "demo" ? DEMO_NOTICE : SEMA_MODE}
  Processes        web, ${WORKERS === 1 ? "1 worker" : `${WORKERS} workers (WORKERS)`}, 2 simulators — supervised: one that crashes is restarted

  Try:  curl -X POST ${APP_URL}/v1/messages \\
          -H "Authorization: Bearer ${demo.apiKey}" -H "Content-Type: application/json" \\
          -d '{"to":"0712345678","from":"${demo.senderId}","body":"Hello from Sema Link"}'
${demo.inboundNumber ? `
  Inbound          short code ${demo.inboundNumber}: a handset replying STOP (START lifts it) —
        curl -X POST ${APP_URL}/api/callbacks/celcom/inbound \\
          -H "x-callback-token: ${env.DLR_CALLBACK_TOKEN ?? "dev-dlr-callback-token"}" -H "Content-Type: application/json" \\
          -d '{"from":"0712345678","to":"${demo.inboundNumber}","message":"STOP","messageid":"mo-1"}'
` : ""}
  Press Ctrl-C to stop.
${line}\n`);
}

main().catch((error) => {
  console.error(`\x1b[31mstart failed:\x1b[0m ${error instanceof Error ? error.message : error}`);
  stop(1);
});
