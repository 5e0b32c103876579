import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/**
 * A throwaway 3-master Redis Cluster for the cluster suite (tests/integration/cluster), started from
 * the installed `redis-server` on free ports from TEST_REDIS_CLUSTER_BASE_PORT (7400) up — each
 * node needs its port and port + 10000 (the cluster bus) — with no persistence, in a temporary
 * directory. Every run starts its own and stops it, so a crashed run's leftovers only take ports
 * the next run skips.
 */
export interface TestRedisCluster {
  /** REDIS_CLUSTER_NODES for the suite. */
  nodes: string;
  stop(): Promise<void>;
}

const MASTERS = 3;

function hasBinary(name: string): boolean {
  return spawnSync(name, ["--version"], { stdio: "ignore" }).status === 0;
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

async function freePorts(base: number, count: number): Promise<number[]> {
  const ports: number[] = [];
  for (let port = base; port < base + 100 && ports.length < count; port++) {
    if ((await portFree(port)) && (await portFree(port + 10_000))) ports.push(port);
  }
  if (ports.length < count) throw new Error(`no ${count} free ports for a Redis Cluster from ${base}`);
  return ports;
}

function cli(args: string[]): { ok: boolean; output: string } {
  const result = spawnSync("redis-cli", args, { encoding: "utf8", timeout: 30_000 });
  return { ok: result.status === 0, output: `${result.stdout ?? ""}${result.stderr ?? ""}` };
}

async function until(probe: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`Redis Cluster: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Starts the cluster, or says why it cannot (redis-server or redis-cli not installed). */
export async function startTestRedisCluster(): Promise<TestRedisCluster | { skipped: string }> {
  if (!hasBinary("redis-server") || !hasBinary("redis-cli")) return { skipped: "redis-server/redis-cli are not installed (apt-get install redis-server)" };
  const ports = await freePorts(Number(process.env.TEST_REDIS_CLUSTER_BASE_PORT ?? 7400), MASTERS);
  const directory = mkdtempSync(path.join(os.tmpdir(), "sema-redis-cluster-"));
  const children = ports.map((port) =>
    spawn(
      "redis-server",
      ["--port", String(port), "--bind", "127.0.0.1", "--cluster-enabled", "yes", "--cluster-config-file", `nodes-${port}.conf`,
        "--cluster-node-timeout", "5000", "--dir", directory, "--save", "", "--appendonly", "no", "--daemonize", "no", "--loglevel", "warning"],
      { stdio: "ignore" },
    ),
  );
  const stop = async () => {
    await Promise.all(
      children.map((child) => new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      })),
    );
    rmSync(directory, { recursive: true, force: true });
  };
  try {
    await until(() => ports.every((port) => cli(["-p", String(port), "ping"]).output.includes("PONG")), 10_000, "the nodes to start");
    const created = cli(["--cluster", "create", ...ports.map((port) => `127.0.0.1:${port}`), "--cluster-replicas", "0", "--cluster-yes"]);
    if (!created.ok) throw new Error(`redis-cli --cluster create failed: ${created.output}`);
    await until(() => ports.every((port) => cli(["-p", String(port), "cluster", "info"]).output.includes("cluster_state:ok")), 20_000, "cluster_state:ok");
  } catch (error) {
    await stop();
    throw error;
  }
  return { nodes: ports.map((port) => `127.0.0.1:${port}`).join(","), stop };
}
