// The three runs built on the same machinery, and their settings (each can be changed on the command
// line: `--name value`, see bench/chaos/main.ts).
import { parseArgs } from "node:util";

export type Mode = "chaos" | "soak" | "e2e";

export interface Settings {
  mode: Mode;
  /** First of four ports: web, Celcom simulator, redis-server, webhook receiver. */
  portBase: number;
  workers: number;
  /** Chaos: campaign recipients. */
  recipients: number;
  /** Chaos: single sends per second during the chaos window. */
  singleRate: number;
  /** Soak, e2e: messages per second offered through POST /v1/messages/batch. */
  rate: number;
  batchSize: number;
  /** Chaos: length of the window with traffic and kills. Soak, e2e: length of the load. */
  seconds: number;
  /** Chaos: SIGKILL a worker this often (0: once, at 30 % of the window). */
  killEverySeconds: number;
  /** Chaos: when in the window the web is killed and Redis restarted empty (fractions). */
  webKillAt: number;
  redisRestartAt: number;
  warmUpSeconds: number;
  settleSeconds: number;
  stallSeconds: number;
  maxMinutes: number;
  /** A deliberate fault, to show the checks can fail: "no-reconciler". */
  fault: string | null;
  keepDatabase: boolean;
}

const FAULTY_CELCOM = {
  dlrLatencyMinMs: 200,
  dlrLatencyMaxMs: 3_000,
  duplicateDlrProbability: 0.05,
  outOfOrderProbability: 0.05,
  http500Probability: 0.01,
  timeoutProbability: 0.002,
  timeoutHangMs: 4_000,
  dlrBatchSize: 20,
  dlrMaxAttempts: 20,
  maxTrackedMessages: 2_000_000,
};

const CLEAN_CELCOM = { dlrLatencyMinMs: 200, dlrLatencyMaxMs: 2_000, dlrBatchSize: 100, dlrMaxAttempts: 20, maxTrackedMessages: 2_000_000 };

export function simulatorConfigFor(mode: Mode): Record<string, unknown> {
  return mode === "chaos" ? FAULTY_CELCOM : CLEAN_CELCOM;
}

export function parseSettings(argv: string[]): Settings {
  const { values } = parseArgs({
    args: argv,
    options: {
      mode: { type: "string", default: "chaos" },
      short: { type: "boolean", default: false },
      "port-base": { type: "string" },
      workers: { type: "string" },
      recipients: { type: "string" },
      "single-rate": { type: "string" },
      rate: { type: "string" },
      "batch-size": { type: "string" },
      seconds: { type: "string" },
      "kill-every": { type: "string" },
      "warm-up": { type: "string" },
      settle: { type: "string" },
      stall: { type: "string" },
      "max-minutes": { type: "string" },
      fault: { type: "string" },
      "keep-database": { type: "boolean", default: false },
    },
  });
  const mode = values.mode as Mode;
  if (!["chaos", "soak", "e2e"].includes(mode)) throw new Error(`unknown --mode ${mode}: chaos, soak or e2e`);
  const short = values.short === true;
  const defaults: Settings = {
    mode,
    portBase: Number(process.env.CHAOS_PORT_BASE ?? 7300),
    workers: 2,
    recipients: short ? 5_000 : 50_000,
    singleRate: short ? 10 : 20,
    rate: mode === "e2e" ? 1_000 : 300,
    batchSize: mode === "e2e" ? 500 : 100,
    seconds: mode === "chaos" ? (short ? 40 : 150) : mode === "soak" ? 600 : 300,
    killEverySeconds: short ? 0 : 5,
    webKillAt: 0.25,
    redisRestartAt: 0.55,
    warmUpSeconds: mode === "soak" ? 120 : 60,
    settleSeconds: 900,
    stallSeconds: 180,
    maxMinutes: 0,
    fault: values.fault ?? null,
    keepDatabase: values["keep-database"] === true,
  };
  const number = (value: string | undefined, fallback: number) => (value === undefined ? fallback : Number(value));
  const settings: Settings = {
    ...defaults,
    portBase: number(values["port-base"], defaults.portBase),
    workers: number(values.workers, defaults.workers),
    recipients: number(values.recipients, defaults.recipients),
    singleRate: number(values["single-rate"], defaults.singleRate),
    rate: number(values.rate, defaults.rate),
    batchSize: number(values["batch-size"], defaults.batchSize),
    seconds: number(values.seconds, defaults.seconds),
    killEverySeconds: number(values["kill-every"], defaults.killEverySeconds),
    warmUpSeconds: number(values["warm-up"], defaults.warmUpSeconds),
    settleSeconds: number(values.settle, defaults.settleSeconds),
    stallSeconds: number(values.stall, defaults.stallSeconds),
  };
  // Set-up (build, migrations, a 50,000-row list) plus the window plus settling, with room to spare.
  settings.maxMinutes = number(values["max-minutes"], Math.ceil((settings.seconds + settings.settleSeconds) / 60) + 15);
  for (const [name, value] of Object.entries(settings)) {
    if (typeof value === "number" && !(Number.isFinite(value) && value >= 0)) throw new Error(`--${name} must be a non-negative number`);
  }
  if (settings.fault !== null && settings.fault !== "no-reconciler") throw new Error(`unknown --fault ${settings.fault}: no-reconciler`);
  return settings;
}
