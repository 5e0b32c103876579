// The process supervisor of `npm start` (scripts/start.mjs): runs each product process in its own
// process group, restarts one that exits on its own with capped exponential backoff and jitter, and
// stops every group on request. Plain Node APIs only; scripts/start.mjs loads it through tsx.
import { spawn, type ChildProcess } from "node:child_process";

export interface ProcessSpec {
  /** Shown in the logs: `web`, `worker-1`, `celcom-sim`. */
  name: string;
  command: string;
  args: readonly string[];
  env?: Record<string, string | undefined>;
  cwd?: string;
}

export interface BackoffPolicy {
  /** Delay before the first restart. */
  initialMs: number;
  /** No restart waits longer than this. */
  maxMs: number;
  /** A process that stayed up this long before exiting starts over at `initialMs` (and so does its count of quick crashes). */
  resetAfterMs: number;
  /** Share of each delay that is random (0 = none, 1 = anything from 0 to the delay). */
  jitter: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 500, maxMs: 30_000, resetAfterMs: 60_000, jitter: 0.5 };

export interface SupervisorEvents {
  /** One line a child wrote on stdout or stderr. */
  line?: (name: string, line: string) => void;
  /** Supervisor messages: started, exited, restarting, stopping. */
  log?: (name: string, message: string) => void;
  started?: (name: string, pid: number, restarts: number) => void;
  restarting?: (name: string, restarts: number, delayMs: number) => void;
}

export interface SupervisorOptions extends SupervisorEvents {
  backoff?: Partial<BackoffPolicy>;
  /** After SIGTERM, how long the groups get before SIGKILL. Longer than the worker's own shutdown timeout. */
  stopTimeoutMs?: number;
  /** Randomness for the jitter (tests pin it). */
  random?: () => number;
}

export interface SupervisedStatus {
  name: string;
  pid: number | null;
  restarts: number;
  running: boolean;
}

/**
 * The delay before restart number `quickCrashes` (1-based) of a process that keeps failing soon
 * after it starts: initialMs, 2×, 4× … capped at maxMs, minus a random share of up to `jitter`
 * (so processes crashing together do not come back in lockstep).
 */
export function restartDelay(quickCrashes: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const exponential = Math.min(policy.maxMs, policy.initialMs * 2 ** Math.max(0, quickCrashes - 1));
  return Math.round(exponential * (1 - policy.jitter * random()));
}

interface Supervised {
  spec: ProcessSpec;
  child: ChildProcess | null;
  startedAt: number;
  /** Restarts so far (shown in the logs). */
  restarts: number;
  /** Exits in a row that came before `resetAfterMs` of uptime: the backoff exponent. */
  quickCrashes: number;
  timer: NodeJS.Timeout | null;
  exited: Promise<void>;
}

function signalGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (!pid) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // the group has already exited
  }
}

/** Whether any process of the group led by `pid` is still alive. */
function groupAlive(pid: number | undefined): boolean {
  if (!pid) return false;
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

function forwardLines(stream: NodeJS.ReadableStream | null, emit: (line: string) => void): void {
  let pending = "";
  stream?.on("data", (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) emit(line);
  });
  stream?.on("end", () => {
    if (pending) emit(pending);
    pending = "";
  });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class Supervisor {
  private readonly processes: Supervised[] = [];
  private readonly policy: BackoffPolicy;
  private readonly stopTimeoutMs: number;
  private readonly random: () => number;
  private stopping: Promise<void> | null = null;

  constructor(private readonly options: SupervisorOptions = {}) {
    this.policy = { ...DEFAULT_BACKOFF, ...options.backoff };
    this.stopTimeoutMs = options.stopTimeoutMs ?? 35_000;
    this.random = options.random ?? Math.random;
  }

  /** Starts `spec` now and keeps it running until {@link stop}. */
  add(spec: ProcessSpec): void {
    const entry: Supervised = { spec, child: null, startedAt: 0, restarts: 0, quickCrashes: 0, timer: null, exited: Promise.resolve() };
    this.processes.push(entry);
    this.launch(entry);
  }

  status(): SupervisedStatus[] {
    return this.processes.map((entry) => ({
      name: entry.spec.name,
      pid: entry.child?.pid ?? null,
      restarts: entry.restarts,
      running: entry.child !== null && entry.child.exitCode === null && entry.child.signalCode === null,
    }));
  }

  private log(name: string, message: string): void {
    this.options.log?.(name, message);
  }

  private launch(entry: Supervised): void {
    const { spec } = entry;
    // Own process group: tsx and next may fork grandchildren, and a group is stopped as a whole.
    const child = spawn(spec.command, [...spec.args], { cwd: spec.cwd, env: (spec.env ?? process.env) as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"], detached: true });
    entry.child = child;
    entry.startedAt = Date.now();
    forwardLines(child.stdout, (line) => this.options.line?.(spec.name, line));
    forwardLines(child.stderr, (line) => this.options.line?.(spec.name, line));
    entry.exited = new Promise((resolve) => {
      child.once("exit", (code, signal) => {
        this.onExit(entry, child, code, signal);
        resolve();
      });
      child.once("error", (error) => {
        this.log(spec.name, `could not start: ${error.message}`);
        // Spawning failed (no 'exit' follows): retried like a crash.
        if (!child.pid) {
          this.onExit(entry, child, null, null);
          resolve();
        }
      });
    });
    if (child.pid) {
      this.log(spec.name, `started (pid ${child.pid}${entry.restarts > 0 ? `, restart #${entry.restarts}` : ""})`);
      this.options.started?.(spec.name, child.pid, entry.restarts);
    }
  }

  private onExit(entry: Supervised, child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.stopping) return;
    // What is left of the group (a grandchild whose parent was killed) goes too: the restart must not find it holding a port.
    signalGroup(child.pid, "SIGKILL");
    const uptimeMs = Date.now() - entry.startedAt;
    entry.quickCrashes = uptimeMs >= this.policy.resetAfterMs ? 1 : entry.quickCrashes + 1;
    entry.restarts += 1;
    const delayMs = restartDelay(entry.quickCrashes, this.policy, this.random);
    this.log(entry.spec.name, `exited (${signal ?? `code ${code}`}) after ${(uptimeMs / 1000).toFixed(1)} s; restart #${entry.restarts} in ${delayMs} ms`);
    this.options.restarting?.(entry.spec.name, entry.restarts, delayMs);
    entry.timer = setTimeout(() => {
      entry.timer = null;
      if (!this.stopping) this.launch(entry);
    }, delayMs);
  }

  /**
   * Stops everything: no more restarts, SIGTERM to every group (each process finishes its in-flight
   * work: the web its requests, the worker its jobs), SIGKILL to groups still alive after
   * `stopTimeoutMs`. Resolves when every group is gone. Calling it again while stopping forces
   * SIGKILL at once.
   */
  stop(): Promise<void> {
    if (this.stopping) {
      this.log("supervisor", "stopping now (SIGKILL)");
      for (const entry of this.processes) signalGroup(entry.child?.pid, "SIGKILL");
      return this.stopping;
    }
    this.stopping = this.stopAll();
    return this.stopping;
  }

  private async stopAll(): Promise<void> {
    for (const entry of this.processes) {
      if (entry.timer) clearTimeout(entry.timer);
      entry.timer = null;
      signalGroup(entry.child?.pid, "SIGTERM");
    }
    const deadline = Date.now() + this.stopTimeoutMs;
    const pids = this.processes.map((entry) => entry.child?.pid);
    // The leader's exit is not enough: a group is gone when none of its processes is left.
    await Promise.race([Promise.all(this.processes.map((entry) => entry.exited)), sleep(this.stopTimeoutMs)]);
    while (pids.some(groupAlive) && Date.now() < deadline) await sleep(100);
    for (const pid of pids) {
      if (groupAlive(pid)) {
        this.log("supervisor", `process group ${pid} did not stop in ${this.stopTimeoutMs} ms: SIGKILL`);
        signalGroup(pid, "SIGKILL");
      }
    }
    while (pids.some(groupAlive)) await sleep(50);
  }
}
