import { describe, expect, it } from "vitest";
import { env, type Env } from "@/lib/env";
import { checkDestination } from "@/lib/net/safe-fetch";
import { protectedLoopbackPorts, webhookAddressPolicy } from "@/lib/webhooks/destination-policy";

const source = (overrides: Partial<Env>): Env => ({
  ...env,
  PORT: 3000,
  APP_URL: "http://localhost:3000",
  SIMULATOR_PORT: 4010,
  SIMULATOR_URL: "http://127.0.0.1:4010",
  WEBHOOK_PROTECTED_PORTS: "4012",
  WEBHOOK_ALLOW_LOOPBACK: true,
  WEBHOOK_ALLOW_PRIVATE: false,
  ...overrides,
});

describe("protectedLoopbackPorts", () => {
  it("covers the app, the simulator and the listed ports, from every variable that names one", () => {
    expect(protectedLoopbackPorts(source({}))).toEqual([3000, 4010, 4012]);
    const moved = source({ PORT: 3103, APP_URL: "http://127.0.0.1:3104", SIMULATOR_PORT: 4113, SIMULATOR_URL: "http://127.0.0.1:4114", WEBHOOK_PROTECTED_PORTS: " 4012, 2775 " });
    expect(protectedLoopbackPorts(moved)).toEqual([2775, 3103, 3104, 4012, 4113, 4114]);
    expect(protectedLoopbackPorts(source({ APP_URL: "https://sema.example.com", SIMULATOR_PORT: 0, WEBHOOK_PROTECTED_PORTS: "" }))).toEqual([3000, 4010]);
  });
});

describe("webhookAddressPolicy", () => {
  it("honours WEBHOOK_ALLOW_LOOPBACK only in demo and test mode", () => {
    expect(webhookAddressPolicy(source({ SEMA_MODE: "demo" })).allowLoopback).toBe(true);
    expect(webhookAddressPolicy(source({ SEMA_MODE: "test" })).allowLoopback).toBe(true);
    expect(webhookAddressPolicy(source({ SEMA_MODE: "production" })).allowLoopback).toBe(false);
  });

  it("keeps the app's and the simulators' ports closed on loopback in demo mode", () => {
    const demo = webhookAddressPolicy(source({ SEMA_MODE: "demo" }));
    for (const url of ["http://127.0.0.1:3000/api/callbacks/celcom/dlr", "http://localhost:4010/admin/messages", "http://[::1]:4012/", "http://127.0.0.2:4010/"]) {
      expect(checkDestination(url, demo), url).toMatchObject({ allowed: false, reason: "protected_port" });
    }
    expect(checkDestination("http://127.0.0.1:8080/hooks", demo).allowed).toBe(true);
  });
});
