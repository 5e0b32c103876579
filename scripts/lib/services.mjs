// Shared by `npm start`, `npm test` and .ci/run: make sure Postgres and Redis answer, create the
// database, apply migrations and build the app when sources changed. Plain Node (no TypeScript) so it
// runs before anything is compiled.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { Redis } from "ioredis";

export const ROOT = path.resolve(import.meta.dirname, "..", "..");

/** A package binary of this project (no npx wrapper between us and the process we signal). */
export function bin(name) {
  return path.join(ROOT, "node_modules", ".bin", name);
}

const say = (message) => console.log(`\x1b[36m›\x1b[0m ${message}`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function commandExists(command) {
  return spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
}

async function postgresAnswers(adminUrl) {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function redisAnswers(url) {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 2000 });
  redis.on("error", () => {});
  try {
    await redis.connect();
    return (await redis.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

async function waitFor(check, what, seconds = 30) {
  for (let i = 0; i < seconds * 4; i++) {
    if (await check()) return;
    await sleep(250);
  }
  throw new Error(`${what} did not start within ${seconds} s`);
}

export function adminUrlFor(databaseUrl) {
  const url = new URL(databaseUrl);
  url.pathname = "/postgres";
  return url.toString();
}

export async function ensurePostgres(databaseUrl) {
  const adminUrl = adminUrlFor(databaseUrl);
  if (await postgresAnswers(adminUrl)) return;
  const host = new URL(databaseUrl).hostname;
  const local = host === "127.0.0.1" || host === "localhost";
  if (local && commandExists("pg_ctlcluster") && existsSync("/etc/postgresql")) {
    const version = readdirSync("/etc/postgresql").sort().at(-1);
    say(`Postgres is not answering; starting local cluster ${version}/main`);
    spawnSync("pg_ctlcluster", ["--skip-systemctl-redirect", version, "main", "start"], { stdio: "inherit" });
    await waitFor(() => postgresAnswers(adminUrl), "Postgres");
    return;
  }
  throw new Error(
    `Postgres is not answering at ${host}. Install it (apt-get install -y postgresql) or set DATABASE_URL to a running server.`,
  );
}

export async function ensureRedis(redisUrl) {
  if (await redisAnswers(redisUrl)) return;
  const url = new URL(redisUrl);
  const local = url.hostname === "127.0.0.1" || url.hostname === "localhost";
  if (local && commandExists("redis-server")) {
    say("Redis is not answering; starting a local redis-server");
    spawnSync(
      "redis-server",
      ["--daemonize", "yes", "--bind", "127.0.0.1", "--port", url.port || "6379", "--save", "", "--appendonly", "no"],
      { stdio: "inherit" },
    );
    await waitFor(() => redisAnswers(redisUrl), "Redis");
    return;
  }
  throw new Error(
    `Redis is not answering at ${url.host}. Install it (apt-get install -y redis-server) or set REDIS_URL to a running server.`,
  );
}

export async function ensureDatabase(databaseUrl, { fresh = false } = {}) {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  const admin = new pg.Client({ connectionString: adminUrlFor(databaseUrl) });
  await admin.connect();
  try {
    if (fresh) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (rowCount === 0) {
      say(`creating database ${name}`);
      await admin.query(`CREATE DATABASE "${name}"`);
    }
  } finally {
    await admin.end();
  }
}

export async function dropDatabase(databaseUrl) {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  const admin = new pg.Client({ connectionString: adminUrlFor(databaseUrl) });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** `stdio` "inherit" by default; tools whose stdout is a report pass [ "ignore", 2, 2 ] to keep it clean. */
export function run(command, args, env = process.env, stdio = "inherit") {
  execFileSync(command, args, { cwd: ROOT, stdio, env });
}

export function migrate(databaseUrl, { stdio = "inherit" } = {}) {
  say("applying database migrations");
  run("npx", ["prisma", "migrate", "deploy"], { ...process.env, DATABASE_URL: databaseUrl }, stdio);
}

const BUILD_INPUTS = ["app", "components", "lib", "public", "proxy.ts", "instrumentation.ts", "next.config.ts", "postcss.config.mjs", "package-lock.json", "tsconfig.json"];

function newestMtime(target) {
  const full = path.join(ROOT, target);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(full, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === "generated" || entry.name.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

/** Builds the Next.js app unless a build newer than every source file exists. */
export function buildIfNeeded({ force = false, stdio = "inherit" } = {}) {
  const buildId = path.join(ROOT, ".next", "BUILD_ID");
  const built = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  const sources = Math.max(...BUILD_INPUTS.map(newestMtime));
  if (!force && built > sources) {
    say("app build is up to date");
    return;
  }
  say("building the web app (next build)");
  run("npx", ["next", "build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1" }, stdio);
}

export { say, sleep };
