// The processes `npm start` supervises (scripts/start.mjs, scripts/lib/supervisor.ts).
import path from "node:path";
import type { ProcessSpec } from "./supervisor";

/** How many worker processes WORKERS asks for (default 1). */
export function workerCount(value: string | undefined): number {
  if (value === undefined || value.trim() === "") return 1;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1 || count > 32) throw new Error(`WORKERS must be a whole number from 1 to 32, not "${value}"`);
  return count;
}

/**
 * The simulators, the worker(s) and the web app. TypeScript entry points run as `node --import tsx`
 * (one process each, so the pid in the log is the process itself); `next start` is one process too.
 * With several workers each serves its metrics on its own port (WORKER_METRICS_PORT, +1, +2 …; 0
 * stays 0 = any free port).
 */
export function productProcesses(root: string, env: Record<string, string | undefined>, workers: number): ProcessSpec[] {
  const tsEntry = (file: string) => ({ command: process.execPath, args: ["--import", "tsx", file] });
  const metricsBase = Number(env.WORKER_METRICS_PORT ?? "9464");
  const workerSpecs: ProcessSpec[] = Array.from({ length: workers }, (_, index) => ({
    name: workers === 1 ? "worker" : `worker-${index + 1}`,
    ...tsEntry("workers/index.ts"),
    env: { ...env, WORKER_METRICS_PORT: String(metricsBase === 0 ? 0 : metricsBase + index) },
    cwd: root,
  }));
  return [
    { name: "celcom-sim", ...tsEntry("simulators/celcom/main.ts"), env, cwd: root },
    { name: "smpp-sim", ...tsEntry("simulators/smpp/main.ts"), env, cwd: root },
    ...workerSpecs,
    { name: "web", command: path.join(root, "node_modules", ".bin", "next"), args: ["start", "-p", env.PORT ?? "3000"], env, cwd: root },
  ];
}
