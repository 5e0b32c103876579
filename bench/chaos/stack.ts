// The whole product on one box for a run: its own redis-server (no persistence, so a restart is an
// empty Redis), its own Postgres database and queue prefix, the Celcom simulator, the built web app
// (`next start`) and N workers (`tsx workers/index.ts`) — the production code paths.
import { randomBytes } from "node:crypto";
import { bin } from "@/scripts/lib/services.mjs";
import { isRunning, killManaged, type Managed, startManaged } from "@/bench/chaos/processes";

export interface Ports {
  web: number;
  simulator: number;
  redis: number;
  receiver: number;
}

export interface StackOptions {
  runId: string;
  ports: Ports;
  workers: number;
  /** Knobs of the Celcom simulator (SIMULATOR_CONFIG). */
  simulatorConfig: Record<string, unknown>;
  /** Extra environment for web and workers. */
  env?: Record<string, string>;
}

export class Stack {
  readonly databaseUrl: string;
  readonly redisUrl: string;
  readonly baseUrl: string;
  readonly simulatorUrl: string;
  readonly env: NodeJS.ProcessEnv;
  redis!: Managed;
  simulator!: Managed;
  web!: Managed;
  workers: Managed[] = [];
  /** Deliberate kills and restarts, in order, with the time since the stack started. */
  readonly events: { atSeconds: number; what: string }[] = [];
  /** When each worker SIGKILL landed (epoch ms), for telling the sends it cut off from other repeats. */
  readonly workerKilledAt: number[] = [];
  /** Processes that exited without being told to. */
  readonly crashes: { name: string; code: number | null; signal: string | null; lastLines: string[] }[] = [];
  private readonly startedAt = Date.now();

  constructor(private readonly options: StackOptions) {
    const { ports, runId } = options;
    this.databaseUrl = `postgresql://postgres@127.0.0.1:5432/sema_chaos_${runId}`;
    this.redisUrl = `redis://127.0.0.1:${ports.redis}`;
    this.baseUrl = `http://127.0.0.1:${ports.web}`;
    this.simulatorUrl = `http://127.0.0.1:${ports.simulator}`;
    this.env = {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      SEMA_MODE: "test",
      DATABASE_URL: this.databaseUrl,
      REDIS_URL: this.redisUrl,
      QUEUE_PREFIX: `chaos_${runId}`,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      APP_URL: this.baseUrl,
      PORT: String(ports.web),
      SMS_PROVIDER: "simulator",
      SIMULATOR_PORT: String(ports.simulator),
      SIMULATOR_URL: this.simulatorUrl,
      SIMULATOR_DLR_URL: `${this.baseUrl}/api/callbacks/celcom/dlr`,
      SIMULATOR_CONFIG: JSON.stringify(options.simulatorConfig),
      WEBHOOK_ALLOW_LOOPBACK: "true",
      WEBHOOK_PROTECTED_PORTS: `${ports.web},${ports.simulator},${ports.redis}`,
      WEBHOOK_RETRY_SCHEDULE_MS: "500,1000,2000,4000,8000,16000",
      CAMPAIGN_SCHEDULER_INTERVAL_MS: "2000",
      CAMPAIGN_COMPLETION_INTERVAL_MS: "2000",
      // Crash safety is under test, not the dead-letter queue: with 1.2 % of tries failing, three failures in a row
      // (SEND_MAX_ATTEMPTS' default) would park a message in about one short run in a hundred.
      SEND_MAX_ATTEMPTS: "5",
      RECONCILE_AFTER_SECONDS: "60",
      RECONCILE_INTERVAL_SECONDS: "10",
      API_RATE_LIMIT_PER_SECOND: "100000",
      API_RATE_LIMIT_BURST: "100000",
      LOG_LEVEL: "warn",
      WORKER_METRICS_PORT: "0",
      ...options.env,
    };
  }

  secondsSinceStart(): number {
    return Math.round((Date.now() - this.startedAt) / 100) / 10;
  }

  note(what: string): void {
    this.events.push({ atSeconds: this.secondsSinceStart(), what });
  }

  /** Error-level log lines of every process started so far, by process name (restarts included). */
  readonly errorLines: Record<string, string[]> = {};

  private watch(managed: Managed): Managed {
    this.errorLines[managed.name] ??= [];
    managed.child.once("exit", () => this.errorLines[managed.name].push(...managed.errors));
    managed.child.once("exit", (code, signal) => {
      if (!managed.expectedExit) this.crashes.push({ name: managed.name, code, signal, lastLines: managed.lines.slice(-30) });
    });
    return managed;
  }

  startRedis(): void {
    this.redis = this.watch(
      startManaged({
        name: "redis",
        command: "redis-server",
        args: ["--port", String(this.options.ports.redis), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--maxmemory-policy", "noeviction"],
        env: process.env,
      }),
    );
  }

  startSimulator(): void {
    this.simulator = this.watch(startManaged({ name: "celcom-sim", command: bin("tsx"), args: ["simulators/celcom/main.ts"], env: this.env }));
  }

  startWeb(): void {
    this.web = this.watch(startManaged({ name: "web", command: bin("next"), args: ["start", "-p", String(this.options.ports.web)], env: this.env }));
  }

  startWorker(index: number): void {
    this.workers[index] = this.watch(startManaged({ name: `worker-${index}`, command: bin("tsx"), args: ["workers/index.ts"], env: this.env }));
  }

  async start(): Promise<void> {
    this.startRedis();
    await waitFor(async () => (await redisPing(this.redisUrl)) === "PONG", "redis-server", 20_000);
    this.startSimulator();
    for (let index = 0; index < this.options.workers; index += 1) this.startWorker(index);
    this.startWeb();
    await this.waitForWeb();
    await waitFor(async () => (await fetch(`${this.simulatorUrl}/admin/stats`)).ok, "Celcom simulator", 60_000);
  }

  async waitForWeb(): Promise<void> {
    await waitFor(async () => (await fetch(`${this.baseUrl}/api/health`)).ok, "web", 120_000, () => {
      if (!isRunning(this.web)) throw new Error(`web exited: ${this.web.lines.slice(-20).join("\n")}`);
    });
  }

  async killWorker(index: number): Promise<void> {
    await killManaged(this.workers[index]);
    this.workerKilledAt.push(Date.now());
    this.note(`SIGKILL worker-${index}`);
    this.startWorker(index);
  }

  async killWeb(): Promise<number> {
    const started = Date.now();
    await killManaged(this.web);
    this.note("SIGKILL web");
    this.startWeb();
    await this.waitForWeb();
    this.note("web answering again");
    return (Date.now() - started) / 1000;
  }

  async restartRedisEmpty(): Promise<void> {
    await killManaged(this.redis);
    this.note("SIGKILL redis-server (no persistence: restarts empty)");
    this.startRedis();
    await waitFor(async () => (await redisPing(this.redisUrl)) === "PONG", "redis-server", 20_000);
    this.note("redis-server answering again (empty)");
  }

  /** When the first copy of each message the simulator accepted twice had been accepted (epoch ms). */
  async simulatorDuplicates(): Promise<number[]> {
    const body = (await (await fetch(`${this.simulatorUrl}/admin/duplicates`)).json()) as { firstAcceptedAt: number[] };
    return body.firstAcceptedAt;
  }

  /** Error-level lines (the first 50 each) of the processes that exited and of those still running. */
  errorsSoFar(): Record<string, string[]> {
    const lines: Record<string, string[]> = {};
    for (const [name, kept] of Object.entries(this.errorLines)) lines[name] = [...kept];
    const running = [this.web, this.simulator, ...this.workers].filter((managed) => managed && managed.child.exitCode === null && managed.child.signalCode === null);
    for (const managed of running) (lines[managed.name] ??= []).push(...managed.errors);
    return Object.fromEntries(Object.entries(lines).filter(([, kept]) => kept.length > 0).map(([name, kept]) => [name, kept.slice(0, 50)]));
  }

  async simulatorStats(): Promise<Record<string, unknown>> {
    return (await (await fetch(`${this.simulatorUrl}/admin/stats`)).json()) as Record<string, unknown>;
  }
}

async function redisPing(url: string): Promise<string> {
  const { Redis } = await import("ioredis");
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1000 });
  redis.on("error", () => {});
  try {
    await redis.connect();
    return await redis.ping();
  } finally {
    redis.disconnect();
  }
}

export async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs: number, guard?: () => void): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    guard?.();
    try {
      if (await check()) return;
    } catch {
      // not answering yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what} did not answer within ${timeoutMs / 1000} s`);
}
