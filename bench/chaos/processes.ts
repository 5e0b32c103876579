// The processes a chaos, soak or end-to-end run starts: each in its own process group (tsx and next
// fork grandchildren, and a kill must reach all of them), with the last lines of its output kept for
// the report. Only what this harness started is ever signalled, by process group id.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { ROOT } from "@/scripts/lib/services.mjs";

export interface Managed {
  name: string;
  child: ChildProcess;
  lines: string[];
  /** Error-level log lines (the first 50), kept apart so that warnings cannot push them out of `lines`. */
  errors: string[];
  startedAt: number;
  /** Set before a deliberate kill, so the exit is not reported as a crash. */
  expectedExit: boolean;
}

export interface ProcessSpec {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
}

const all = new Set<Managed>();

export function startManaged(spec: ProcessSpec): Managed {
  const child = spawn(spec.command, spec.args, { cwd: ROOT, env: spec.env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  const managed: Managed = { name: spec.name, child, lines: [], errors: [], startedAt: Date.now(), expectedExit: false };
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) {
      if (!line) continue;
      managed.lines.push(line.slice(0, 600));
      if (line.includes('"level":"error"') && managed.errors.length < 50) managed.errors.push(line.slice(0, 1_000));
    }
    if (managed.lines.length > 200) managed.lines.splice(0, managed.lines.length - 200);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  all.add(managed);
  child.on("exit", () => all.delete(managed));
  return managed;
}

function signalGroup(managed: Managed, signal: NodeJS.Signals): void {
  if (managed.child.pid === undefined) return;
  try {
    process.kill(-managed.child.pid, signal);
  } catch {
    // the group has already exited
  }
}

function exited(managed: Managed): Promise<void> {
  if (managed.child.exitCode !== null || managed.child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => managed.child.once("exit", () => resolve()));
}

/** SIGKILL to the whole group (no chance to finish anything), resolved when the leader is gone. */
export async function killManaged(managed: Managed): Promise<void> {
  managed.expectedExit = true;
  signalGroup(managed, "SIGKILL");
  await exited(managed);
}

/** SIGTERM, then SIGKILL after `graceMs`. */
export async function stopManaged(managed: Managed, graceMs = 5_000): Promise<void> {
  managed.expectedExit = true;
  signalGroup(managed, "SIGTERM");
  await Promise.race([exited(managed), new Promise((resolve) => setTimeout(resolve, graceMs))]);
  signalGroup(managed, "SIGKILL");
  await exited(managed);
}

/** Everything still running: used on the way out, including on SIGINT and failures. */
export async function stopAll(): Promise<void> {
  await Promise.all([...all].map((managed) => stopManaged(managed, 3_000)));
}

export function killAllNow(): void {
  for (const managed of all) signalGroup(managed, "SIGKILL");
}

const PAGE_SIZE = 4096;
const CLOCK_TICKS = 100;

export interface GroupUsage {
  rssMb: number;
  cpuSeconds: number;
}

/** RSS and CPU time summed over every process of the managed process group (from /proc). */
export function groupUsage(managed: Managed): GroupUsage {
  const pgid = managed.child.pid;
  let rssPages = 0;
  let ticks = 0;
  if (pgid === undefined) return { rssMb: 0, cpuSeconds: 0 };
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the command name, which is in parentheses and may contain spaces.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== pgid) continue;
      ticks += Number(fields[11]) + Number(fields[12]);
      rssPages += Number(fields[21]);
    } catch {
      // the process went away while we read it
    }
  }
  return { rssMb: Math.round((rssPages * PAGE_SIZE) / 2 ** 20), cpuSeconds: ticks / CLOCK_TICKS };
}

export function isRunning(managed: Managed): boolean {
  return managed.child.exitCode === null && managed.child.signalCode === null;
}
