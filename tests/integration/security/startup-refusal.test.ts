import { spawn } from "node:child_process";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { register } from "@/instrumentation";
import { DEFAULT_DLR_CALLBACK_TOKEN, env } from "@/lib/env";

const ROOT = path.resolve(import.meta.dirname, "..", "..", "..");
const STRONG_SECRET = "x".repeat(48);

/** The environment of a production deployment that set nothing: no mode, no secrets. */
function productionDefaults(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", LOG_LEVEL: "silent", ...overrides };
  for (const name of ["SEMA_MODE", "AUTH_SECRET", "DLR_CALLBACK_TOKEN", "PROVIDER_SECRETS_KEY", "WEBHOOK_ALLOW_LOOPBACK", "SMS_PROVIDER"]) {
    if (!(name in overrides)) delete childEnv[name];
  }
  return childEnv;
}

/** Runs a TypeScript entry point as `npm run worker` / `npm run simulator` would, until it exits. */
function runEntry(entry: string, childEnv: NodeJS.ProcessEnv): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(ROOT, "node_modules", ".bin", "tsx"), [entry], { cwd: ROOT, env: childEnv, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${entry} did not exit on its own; stderr: ${stderr}`));
    }, 40_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe("start-up refusal outside demo and test mode", () => {
  it("the worker exits non-zero naming every variable to set when production runs on defaults", { timeout: 60_000 }, async () => {
    const [defaults, publishedToken] = await Promise.all([
      runEntry("workers/index.ts", productionDefaults()),
      runEntry(
        "workers/index.ts",
        productionDefaults({ DLR_CALLBACK_TOKEN: DEFAULT_DLR_CALLBACK_TOKEN, AUTH_SECRET: STRONG_SECRET, PROVIDER_SECRETS_KEY: STRONG_SECRET, SMS_PROVIDER: "celcom", CELCOM_API_KEY: "k", CELCOM_PARTNER_ID: "1" }),
      ),
    ]);
    expect(defaults.code).toBe(1);
    expect(defaults.stderr).toContain("Sema Link worker refuses to start in production mode");
    for (const variable of ["DLR_CALLBACK_TOKEN", "AUTH_SECRET", "PROVIDER_SECRETS_KEY", "SMS_PROVIDER"]) expect(defaults.stderr).toContain(`  - ${variable} `);

    // The published token set explicitly is refused just the same, and it is the only complaint.
    expect(publishedToken.code).toBe(1);
    expect(publishedToken.stderr).toContain("  - DLR_CALLBACK_TOKEN is missing or the published default");
    expect(publishedToken.stderr).not.toMatch(/ - (AUTH_SECRET|PROVIDER_SECRETS_KEY|SMS_PROVIDER|CELCOM_)/);
  });

  it("the Celcom simulator (unauthenticated admin API, well-known credentials) does not run in production", { timeout: 60_000 }, async () => {
    const simulator = await runEntry("simulators/celcom/main.ts", productionDefaults({ SIMULATOR_PORT: "0" }));
    expect(simulator.code).toBe(1);
    expect(simulator.stderr).toContain("  - SEMA_MODE the Celcom simulator runs only in demo or test mode");
  });
});

describe("the web app's start-up hook (instrumentation register)", () => {
  const saved = { ...env };
  const runtime = process.env.NEXT_RUNTIME;

  afterEach(() => {
    Object.assign(env, saved);
    process.env.NEXT_RUNTIME = runtime;
    vi.restoreAllMocks();
  });

  function watchExit() {
    const exit = vi.spyOn(process, "exit").mockImplementation((code) => {
      throw new Error(`process.exit(${code})`);
    });
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    return { exit, written: () => stderr.mock.calls.map(([chunk]) => String(chunk)).join("") };
  }

  it("exits with code 1 naming DLR_CALLBACK_TOKEN and AUTH_SECRET when production has the defaults", async () => {
    process.env.NEXT_RUNTIME = "nodejs";
    Object.assign(env, { SEMA_MODE: "production", DLR_CALLBACK_TOKEN: DEFAULT_DLR_CALLBACK_TOKEN, AUTH_SECRET: undefined, WEBHOOK_ALLOW_LOOPBACK: false });
    const { exit, written } = watchExit();
    await expect(register()).rejects.toThrow("process.exit(1)");
    expect(exit).toHaveBeenCalledWith(1);
    expect(written()).toContain("Sema Link web refuses to start in production mode");
    expect(written()).toContain("  - DLR_CALLBACK_TOKEN ");
    expect(written()).toContain("  - AUTH_SECRET is missing");
  });

  it("starts in production with real secrets, and in test mode with the defaults", async () => {
    process.env.NEXT_RUNTIME = "nodejs";
    const { exit } = watchExit();
    Object.assign(env, { SEMA_MODE: "production", DLR_CALLBACK_TOKEN: STRONG_SECRET, AUTH_SECRET: STRONG_SECRET, PROVIDER_SECRETS_KEY: STRONG_SECRET, WEBHOOK_ALLOW_LOOPBACK: false });
    await register();
    Object.assign(env, { SEMA_MODE: "test", DLR_CALLBACK_TOKEN: DEFAULT_DLR_CALLBACK_TOKEN, AUTH_SECRET: undefined, WEBHOOK_ALLOW_LOOPBACK: true });
    await register();
    expect(exit).not.toHaveBeenCalled();
  });
});
