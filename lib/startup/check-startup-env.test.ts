import { describe, expect, it } from "vitest";
import { DEFAULT_DLR_CALLBACK_TOKEN, DEFAULT_PROVIDER_SECRETS_KEY, env, type Env } from "@/lib/env";
import { describeStartupProblems, startupProblems } from "@/lib/startup/check-startup-env";

const STRONG = "s".repeat(40);

/** A production environment that may start, with `overrides` applied. */
function production(overrides: Partial<Env> = {}): Env {
  return {
    ...env,
    SEMA_MODE: "production",
    DLR_CALLBACK_TOKEN: STRONG,
    AUTH_SECRET: STRONG,
    PROVIDER_SECRETS_KEY: STRONG,
    WEBHOOK_ALLOW_LOOPBACK: false,
    SMS_PROVIDER: "celcom",
    CELCOM_API_KEY: "live-key",
    CELCOM_PARTNER_ID: "1234",
    ...overrides,
  };
}

const variables = (source: Env, role: "web" | "worker" | "simulator") => startupProblems(source, role).map((problem) => problem.variable);

describe("startupProblems", () => {
  it("lets a production process with real secrets and a real provider start", () => {
    expect(startupProblems(production(), "web")).toEqual([]);
    expect(startupProblems(production(), "worker")).toEqual([]);
  });

  it("refuses the published DLR token and a missing or short AUTH_SECRET in web and worker", () => {
    const defaults = production({ DLR_CALLBACK_TOKEN: DEFAULT_DLR_CALLBACK_TOKEN, AUTH_SECRET: undefined });
    expect(variables(defaults, "web")).toEqual(["DLR_CALLBACK_TOKEN", "AUTH_SECRET"]);
    expect(variables(defaults, "worker")).toEqual(["DLR_CALLBACK_TOKEN", "AUTH_SECRET"]);
    expect(variables(production({ AUTH_SECRET: "short-secret" }), "web")).toEqual(["AUTH_SECRET"]);
    expect(startupProblems(production({ AUTH_SECRET: "short-secret" }), "web")[0].message).toMatch(/shorter than 32/);
  });

  it("refuses the published or a short provider secrets key in web and worker", () => {
    expect(variables(production({ PROVIDER_SECRETS_KEY: DEFAULT_PROVIDER_SECRETS_KEY }), "web")).toEqual(["PROVIDER_SECRETS_KEY"]);
    expect(variables(production({ PROVIDER_SECRETS_KEY: "sixteen-chars-ok" }), "worker")).toEqual(["PROVIDER_SECRETS_KEY"]);
  });

  it("refuses loopback webhooks in production", () => {
    expect(variables(production({ WEBHOOK_ALLOW_LOOPBACK: true }), "web")).toEqual(["WEBHOOK_ALLOW_LOOPBACK"]);
  });

  it("refuses the simulator and missing Celcom credentials in a production worker (the web app sends nothing)", () => {
    expect(variables(production({ SMS_PROVIDER: "simulator" }), "worker")).toEqual(["SMS_PROVIDER"]);
    expect(variables(production({ SMS_PROVIDER: "simulator" }), "web")).toEqual([]);
    expect(variables(production({ CELCOM_API_KEY: "", CELCOM_PARTNER_ID: " " }), "worker")).toEqual(["CELCOM_API_KEY", "CELCOM_PARTNER_ID"]);
  });

  it("keeps the simulator out of production", () => {
    expect(variables(production(), "simulator")).toEqual(["SEMA_MODE"]);
    expect(variables(production({ SEMA_MODE: "demo" }), "simulator")).toEqual([]);
  });

  it("accepts every development default in demo and test mode", () => {
    for (const mode of ["demo", "test"] as const) {
      const defaults = production({ SEMA_MODE: mode, DLR_CALLBACK_TOKEN: DEFAULT_DLR_CALLBACK_TOKEN, AUTH_SECRET: undefined, WEBHOOK_ALLOW_LOOPBACK: true, SMS_PROVIDER: "simulator" });
      expect(startupProblems(defaults, "web")).toEqual([]);
      expect(startupProblems(defaults, "worker")).toEqual([]);
    }
  });

  it("names each variable to set in the refusal", () => {
    const text = describeStartupProblems(startupProblems(production({ DLR_CALLBACK_TOKEN: DEFAULT_DLR_CALLBACK_TOKEN, AUTH_SECRET: undefined }), "web"), "web");
    expect(text).toMatch(/^Sema Link web refuses to start in production mode/);
    expect(text).toContain("  - DLR_CALLBACK_TOKEN is missing or the published default");
    expect(text).toContain("  - AUTH_SECRET is missing");
  });
});
