import { spawn, type ChildProcess } from "node:child_process";
import { connect } from "node:net";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { productProcesses, workerCount } from "./product-processes";
import { DEFAULT_BACKOFF, restartDelay } from "./supervisor";

type Event = { ready?: string; pid?: number; port?: number; restarting?: string; restarts?: number; delayMs?: number; log?: string; message?: string };

const FIXTURE = path.join(import.meta.dirname, "fixtures", "supervise.mjs");
const started: ChildProcess[] = [];

afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

/** Runs the fixture supervisor; its events arrive as JSON lines. */
function supervise(env: Record<string, string>) {
  const child = spawn(process.execPath, [FIXTURE], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] });
  started.push(child);
  const events: Event[] = [];
  let pending = "";
  child.stdout.on("data", (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) if (line.startsWith("{")) events.push(JSON.parse(line) as Event);
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  return { child, events, exited };
}

async function until<T>(probe: () => T | undefined, what: string, timeoutMs = 40_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });

describe("restart backoff", () => {
  const policy = { initialMs: 500, maxMs: 30_000, resetAfterMs: 60_000, jitter: 0 };
  it("doubles per quick crash and stops at the cap", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => restartDelay(n, policy))).toEqual([500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
  });
  it("takes off a random share of at most `jitter`", () => {
    expect(restartDelay(3, { ...policy, jitter: 0.5 }, () => 0)).toBe(2_000);
    expect(restartDelay(3, { ...policy, jitter: 0.5 }, () => 0.999)).toBe(1_001);
    for (let n = 1; n < 12; n++) {
      const delay = restartDelay(n, DEFAULT_BACKOFF);
      expect(delay).toBeGreaterThanOrEqual(DEFAULT_BACKOFF.initialMs * (1 - DEFAULT_BACKOFF.jitter));
      expect(delay).toBeLessThanOrEqual(DEFAULT_BACKOFF.maxMs);
    }
  });
});

describe("WORKERS", () => {
  it("asks for N worker processes, each with its own metrics port", () => {
    expect(workerCount(undefined)).toBe(1);
    expect(workerCount("2")).toBe(2);
    expect(() => workerCount("0")).toThrow(/WORKERS/);
    expect(() => workerCount("two")).toThrow(/WORKERS/);
    const plan = productProcesses("/app", { PORT: "3000", WORKER_METRICS_PORT: "9464" }, 2);
    expect(plan.map((spec) => spec.name)).toEqual(["celcom-sim", "smpp-sim", "worker-1", "worker-2", "web"]);
    const workers = plan.filter((spec) => spec.name.startsWith("worker"));
    expect(workers.map((spec) => spec.args)).toEqual([["--import", "tsx", "workers/index.ts"], ["--import", "tsx", "workers/index.ts"]]);
    expect(workers.map((spec) => spec.env?.WORKER_METRICS_PORT)).toEqual(["9464", "9465"]);
    expect(productProcesses("/app", { WORKER_METRICS_PORT: "0" }, 2).filter((spec) => spec.name.startsWith("worker")).map((spec) => spec.env?.WORKER_METRICS_PORT)).toEqual(["0", "0"]);
    expect(productProcesses("/app", {}, 1).map((spec) => spec.name)).toEqual(["celcom-sim", "smpp-sim", "worker", "web"]);
  });

  it("WORKERS=2 runs two worker processes", { timeout: 60_000 }, async () => {
    const run = supervise({ WORKERS: "2" });
    const ready = await until(() => {
      const names = run.events.filter((event) => event.ready).map((event) => event.ready);
      return names.length === 5 ? names : undefined;
    }, "five processes");
    expect(ready.filter((name) => name?.startsWith("worker")).sort()).toEqual(["worker-1", "worker-2"]);
    run.child.kill("SIGTERM");
    expect(await run.exited).toBe(0);
  });
});

describe("supervisor", () => {
  it("restarts a child killed with SIGKILL, with backoff and a count, and SIGTERM stops every child and frees its port", { timeout: 90_000 }, async () => {
    const run = supervise({ CHILDREN: "web,worker" });
    const first = await until(() => run.events.find((event) => event.ready === "worker"), "the worker");
    const web = await until(() => run.events.find((event) => event.ready === "web"), "the web");

    process.kill(first.pid!, "SIGKILL");
    const restart = await until(() => run.events.find((event) => event.restarting === "worker"), "the restart");
    expect(restart).toMatchObject({ restarts: 1, delayMs: 200 });
    expect(run.events.find((event) => event.log === "worker" && event.message?.includes("exited (SIGKILL)"))?.message).toContain("restart #1 in 200 ms");
    const second = await until(() => run.events.find((event) => event.ready === "worker" && event.pid !== first.pid), "the restarted worker");
    expect(run.events.find((event) => event.log === "worker" && event.message?.includes(`pid ${second.pid}`))?.message).toContain("restart #1");

    // A second quick crash waits twice as long.
    process.kill(second.pid!, "SIGKILL");
    await until(() => run.events.find((event) => event.restarting === "worker" && event.restarts === 2), "the second restart");
    expect(run.events.filter((event) => event.restarting === "worker").map((event) => event.delayMs)).toEqual([200, 400]);
    const third = await until(() => run.events.find((event) => event.ready === "worker" && event.pid !== first.pid && event.pid !== second.pid), "the third worker");
    // The web was never touched.
    expect(run.events.filter((event) => event.ready === "web")).toHaveLength(1);

    run.child.kill("SIGTERM");
    expect(await run.exited).toBe(0);
    for (const pid of [web.pid!, third.pid!]) expect(alive(pid)).toBe(false);
    for (const port of [web.port!, third.port!]) expect(await portOpen(port)).toBe(false);
    expect(run.events.filter((event) => event.restarting)).toHaveLength(2);
  });

  it("a process that stayed up for a while starts its backoff over", { timeout: 90_000 }, async () => {
    const run = supervise({ CHILDREN: "worker", RESET_AFTER_MS: "6000" });
    const first = await until(() => run.events.find((event) => event.ready === "worker"), "the worker");
    process.kill(first.pid!, "SIGKILL");
    const second = await until(() => run.events.find((event) => event.ready === "worker" && event.pid !== first.pid), "the restarted worker");
    process.kill(second.pid!, "SIGKILL");
    const third = await until(() => run.events.find((event) => event.ready === "worker" && event.pid !== first.pid && event.pid !== second.pid), "the third worker");
    // This one stays up longer than RESET_AFTER_MS before it dies: back to the first delay, the count goes on.
    await new Promise((resolve) => setTimeout(resolve, 6_500));
    process.kill(third.pid!, "SIGKILL");
    await until(() => run.events.find((event) => event.restarting === "worker" && event.restarts === 3), "the third restart");
    expect(run.events.filter((event) => event.restarting === "worker").map((event) => event.delayMs)).toEqual([200, 400, 200]);
    run.child.kill("SIGTERM");
    expect(await run.exited).toBe(0);
  });
});
