// `npm run chaos` / `npm run soak` / `npm run bench:e2e`: the built app, two workers, the Celcom
// simulator and a redis-server of the run's own, on a fresh database; traffic through the public API;
// then strict checks once the system is quiet (bench/chaos/checks.ts). Prints one JSON report and
// exits non-zero when a check fails. Results and commands: docs/reliability.md, bench/README.md.
//
//   npx tsx bench/chaos/main.ts --mode chaos|soak|e2e [--short] [--seconds N] [--recipients N] [--rate N] …
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { ROOT, bin, buildIfNeeded, dropDatabase, ensureDatabase, ensurePostgres, migrate, run, say } from "@/scripts/lib/services.mjs";
import { acceptedTwice, checkLedgers, checkMessages, checkProviderDuplicates, checkQueues, checkWebhooks, type Check, type Progress, waitForQuiescence } from "@/bench/chaos/checks";
import { Api, batchSender, createAccountWithKey, emptyTally, paced, singleSender, type StreamTally } from "@/bench/chaos/load";
import { parseSettings, simulatorConfigFor } from "@/bench/chaos/modes";
import { killAllNow, stopAll } from "@/bench/chaos/processes";
import { startReceiver, type WebhookReceiver } from "@/bench/chaos/receiver";
import { memoryVerdicts, Sampler, type Sample } from "@/bench/chaos/sampler";
import { Stack } from "@/bench/chaos/stack";

// Progress lines (services.mjs `say`, libraries) go to stderr; stdout carries only the JSON report.
console.log = (...args: unknown[]) => console.error(...args);

const settings = parseSettings(process.argv.slice(2));
const runId = `${Date.now().toString(36)}_${randomBytes(2).toString("hex")}`;
const log = (line: string) => process.stderr.write(`[${settings.mode} ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const uptime = () => execFileSync("uptime", { encoding: "utf8" }).trim();

const stack = new Stack({
  runId,
  ports: { web: settings.portBase, simulator: settings.portBase + 1, redis: settings.portBase + 2, receiver: settings.portBase + 3 },
  workers: settings.workers,
  simulatorConfig: simulatorConfigFor(settings.mode),
  env: {
    ...(settings.mode === "chaos" ? { CELCOM_TIMEOUT_MS: "3000" } : {}),
    // The fault that shows the checks can fail: messages whose jobs Redis lost are never re-enqueued.
    ...(settings.fault === "no-reconciler" ? { RECONCILE_AFTER_SECONDS: "10000000" } : {}),
  },
});

async function prepare(): Promise<void> {
  await ensurePostgres(stack.databaseUrl);
  await ensureDatabase(stack.databaseUrl, { fresh: true });
  // Tools' output goes to stderr: stdout carries only the report.
  const stdio: ["ignore", number, number] = ["ignore", 2, 2];
  migrate(stack.databaseUrl, { stdio });
  run(bin("tsx"), ["prisma/seed.ts"], { ...stack.env, LOG_LEVEL: "warn" }, stdio);
  buildIfNeeded({ stdio });
  // This process reads the same database and Redis through lib/ (accounts, ledger check, queues).
  for (const key of ["DATABASE_URL", "REDIS_URL", "QUEUE_PREFIX", "SEMA_MODE", "LOG_LEVEL", "AUTH_SECRET"]) process.env[key] = stack.env[key];
}

/** The chaos window: single sends all along, a worker SIGKILLed every few seconds, the web once, Redis once. */
async function chaosWindow(api: Api, account: Awaited<ReturnType<typeof createAccountWithKey>>, tally: StreamTally) {
  const endsAt = Date.now() + settings.seconds * 1000;
  const stream = paced(settings.singleRate, 50, () => Date.now() >= endsAt, singleSender(api, account, tally));
  const at = (fraction: number) => sleep(Math.max(0, settings.seconds * 1000 * fraction));
  const kills = { worker: 0, webDownSeconds: 0, redis: 0 };
  const workerKills = (async () => {
    if (settings.killEverySeconds === 0) {
      await at(0.1);
      await stack.killWorker(0);
      kills.worker += 1;
      return;
    }
    for (let index = 0; Date.now() + settings.killEverySeconds * 1000 < endsAt; index += 1) {
      await sleep(settings.killEverySeconds * 1000);
      await stack.killWorker(index % settings.workers);
      kills.worker += 1;
    }
  })();
  const webKill = at(settings.webKillAt).then(async () => {
    kills.webDownSeconds = await stack.killWeb();
  });
  const redisRestart = at(settings.redisRestartAt).then(async () => {
    await stack.restartRedisEmpty();
    kills.redis += 1;
  });
  const [streamResult] = await Promise.all([stream, workerKills, webKill, redisRestart]);
  return { ...kills, singlesSkipped: streamResult.skipped };
}

function throughput(samples: Sample[], receiver: WebhookReceiver, fromSeconds: number, toSeconds: number, acceptedPerSecond: number) {
  const window = receiver.perSecond.slice(Math.floor(fromSeconds), Math.floor(toSeconds));
  const finals = window.reduce((sum, count) => sum + (count ?? 0), 0);
  const inWindow = samples.filter((sample) => sample.atSeconds >= fromSeconds && sample.atSeconds <= toSeconds);
  const cpu: Record<string, number> = {};
  for (const sample of inWindow) for (const [name, usage] of Object.entries(sample.processes)) cpu[name.replace(/-\d+$/, "")] = (cpu[name.replace(/-\d+$/, "")] ?? 0) + usage.cpu / inWindow.length;
  const first = inWindow[0]?.progress;
  const last = inWindow.at(-1)?.progress;
  const backlog = (progress: Progress | undefined) => (progress ? { submitted: progress.byStatus.submitted ?? 0, queued: progress.byStatus.queued ?? 0, sent: progress.byStatus.sent ?? 0, finalNotYetReceived: Math.max(0, progress.messages - progress.notFinal - progress.receivedFinals), webhookDeliveriesOpen: progress.webhookDeliveriesOpen } : null);
  return {
    windowSeconds: [fromSeconds, toSeconds],
    acceptedPerSecond,
    finalWebhooksPerSecond: Math.round(finals / Math.max(1, window.length)),
    backlogAtWindowStart: backlog(first),
    backlogAtWindowEnd: backlog(last),
    averageCpuCores: Object.fromEntries(Object.entries(cpu).map(([name, value]) => [name, Number(value.toFixed(2))])),
  };
}

async function main(): Promise<number> {
  const loadBefore = uptime();
  log(`run ${runId}: ${JSON.stringify(settings)}`);
  log(loadBefore);
  await prepare();
  const receiver = await startReceiver(settings.portBase + 3);
  const pool = new pg.Pool({ connectionString: stack.databaseUrl, max: 3 });
  await stack.start();
  stack.note("stack up");
  const sampler = new Sampler(stack, pool, receiver, () => os.loadavg()[0]);
  const tally = emptyTally();
  const campaignTally = { recipients: 0, campaignId: null as string | null };
  const details: Record<string, unknown> = {};
  let checks: Check[] = [];
  try {
    const singles = await createAccountWithKey("singles");
    const singlesApi = new Api(stack.baseUrl, singles);
    await singlesApi.registerWebhook(receiver.url);
    sampler.start(5_000);
    let loadStart = 0;
    let loadEnd = 0;
    if (settings.mode === "chaos") {
      const bulk = await createAccountWithKey("campaign");
      const bulkApi = new Api(stack.baseUrl, bulk);
      await bulkApi.registerWebhook(receiver.url);
      log(`uploading ${settings.recipients} recipients and starting the campaign`);
      campaignTally.campaignId = await bulkApi.startCampaign(settings.recipients);
      campaignTally.recipients = settings.recipients;
      stack.note("campaign created");
      details.chaos = await chaosWindow(singlesApi, singles, tally);
      loadEnd = stack.secondsSinceStart();
    } else {
      loadStart = stack.secondsSinceStart();
      const endsAt = Date.now() + settings.seconds * 1000;
      const requestsPerSecond = settings.rate / settings.batchSize;
      const result = await paced(requestsPerSecond, 16, () => Date.now() >= endsAt, batchSender(singlesApi, singles, tally, settings.batchSize));
      loadEnd = stack.secondsSinceStart();
      details.load = { offeredPerSecond: settings.rate, batchSize: settings.batchSize, requestsSkipped: result.skipped };
      details.throughput = throughput(sampler.samples, receiver, loadStart + settings.warmUpSeconds, loadEnd, Math.round(tally.accepted.length / settings.seconds));
    }
    stack.note("load finished");
    log(`load finished: ${tally.accepted.length} accepted; waiting for quiescence`);
    const quiescence = await waitForQuiescence(pool, receiver, { timeoutSeconds: settings.settleSeconds, stallSeconds: settings.stallSeconds, log });
    stack.note(quiescence.quiet ? "quiet" : "gave up waiting");
    sampler.stop();
    details.quiescence = quiescence;
    details.errorLines = stack.errorsSoFar();
    checks = [
      ...(await checkMessages(pool, tally.accepted)),
      await checkLedgers(pool),
      await checkWebhooks(pool, receiver),
      checkProviderDuplicates(await stack.simulatorStats(), await acceptedTwice(pool), {
        firstAcceptedAt: await stack.simulatorDuplicates(),
        workerKilledAt: stack.workerKilledAt,
        inFlightMs: Number(stack.env.CELCOM_TIMEOUT_MS ?? 10_000) + 2_000,
        inFlightPerWorker: Number(stack.env.SEND_GROUPS_IN_FLIGHT ?? 16) * (await import("@/lib/sending/send-batch")).SEND_COMMIT_GROUP_SIZE,
      }),
      await checkQueues(stack.redisUrl, String(stack.env.QUEUE_PREFIX), pool),
    ];
    if (campaignTally.campaignId) {
      const counted = await pool.query<{ count: string }>("SELECT count(*) FROM messages WHERE campaign_id = $1", [campaignTally.campaignId]);
      checks.push({ name: "the campaign made one message per recipient", ok: Number(counted.rows[0].count) === campaignTally.recipients, detail: { recipients: campaignTally.recipients, messages: Number(counted.rows[0].count) } });
    }
    if (settings.mode === "soak") {
      const memory = memoryVerdicts(sampler.samples, loadStart + settings.warmUpSeconds, loadEnd);
      checks.push({ name: "no memory growth after warm-up (web and workers)", ok: memory.length > 0 && memory.every((verdict) => !verdict.grew), detail: { memory } });
    }
    if (settings.mode === "e2e") {
      const figures = details.throughput as ReturnType<typeof throughput>;
      checks.push({ name: `sustained ≥ 1,000 messages/s accepted → final → webhook`, ok: figures.finalWebhooksPerSecond >= 1_000 && figures.acceptedPerSecond >= 1_000, detail: figures });
    }
    checks.push({ name: "no process crashed on its own", ok: stack.crashes.length === 0, detail: { crashes: stack.crashes } });
  } finally {
    sampler.stop();
    await stopAll();
    await receiver.close();
    await pool.end();
  }
  const ok = checks.length > 0 && checks.every((check) => check.ok);
  const report = {
    ok,
    mode: settings.mode,
    runId,
    command: `npx tsx bench/chaos/main.ts ${process.argv.slice(2).join(" ")}`.trim(),
    settings,
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version, loadBefore, loadAfter: uptime() },
    traffic: { requests: tally.requests, accepted: tally.accepted.length, noAnswer: tally.noAnswer, byStatus: tally.byStatus, refusedItems: tally.refusedItems, campaign: campaignTally },
    events: stack.events,
    ...details,
    checks,
    samples: sampler.samples.map((sample) => ({ t: sample.atSeconds, load: Number(sample.loadAverage.toFixed(1)), ...sample.progress, processes: sample.processes })),
  };
  const file = path.join(ROOT, "bench", "results", `${settings.mode}-${runId}.json`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  const { samples: _samples, ...summary } = report;
  process.stdout.write(`${JSON.stringify({ ...summary, samplesFile: path.relative(ROOT, file) }, null, 2)}\n`);
  if (!settings.keepDatabase) await dropDatabase(stack.databaseUrl).catch(() => {});
  say(ok ? `${settings.mode}: every check passed` : `${settings.mode}: FAILED: ${checks.filter((check) => !check.ok).map((check) => check.name).join("; ")}`);
  return ok ? 0 : 1;
}

const limit = setTimeout(() => {
  log(`time limit of ${settings.maxMinutes} min reached: stopping everything`);
  killAllNow();
  process.exit(3);
}, settings.maxMinutes * 60_000);
limit.unref();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    killAllNow();
    process.exit(130);
  });
}

main().then(
  (code) => process.exit(code),
  async (error: unknown) => {
    log(`failed: ${error instanceof Error ? error.stack : String(error)}`);
    for (const crash of stack.crashes) log(`${crash.name} exited (${crash.code ?? crash.signal}):\n${crash.lastLines.join("\n")}`);
    killAllNow();
    if (!settings.keepDatabase) await dropDatabase(stack.databaseUrl).catch(() => {});
    process.exit(2);
  },
);
