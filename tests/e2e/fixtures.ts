import { randomBytes } from "node:crypto";
import { expect, type Locator, type Page } from "@playwright/test";

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the e2e suite through the test runner script, which seeds the demo user`);
  return value;
}

/**
 * The seeded demo user (credit and an approved sender ID `SEMALINK`). Read lazily so specs that
 * do not use it run without the variables.
 */
export const demoUser = {
  get email(): string {
    return requiredEnv("E2E_DEMO_EMAIL");
  },
  get password(): string {
    return requiredEnv("E2E_DEMO_PASSWORD");
  },
  senderId: "SEMALINK",
  /** The demo account's short code (prisma/seed.ts). */
  inboundNumber: "22384",
};

/** A platform operator; the runner seeds the demo user as one. */
export const operatorUser = {
  get email(): string {
    return requiredEnv("E2E_OPERATOR_EMAIL");
  },
  get password(): string {
    return requiredEnv("E2E_OPERATOR_PASSWORD");
  },
};

/** A fixed outcome for sends to numbers ending in `mobileSuffix` (see docs/providers.md, rules). */
export interface SimulatorRule {
  mobileSuffix: string;
  /** A Celcom response code, or an HTTP status (503: the provider is down). */
  fail?: { code: number } | { http: number };
  /** Only the first n sends to the number fail. */
  failTimes?: number;
  dlr?: string;
}

/** A Kenyan mobile no other test (or earlier run) uses, in local form. */
export function uniqueLocalPhone(): string {
  return `071${String(Date.now() % 10_000_000).padStart(7, "0").slice(-6)}${randomBytes(1)[0] % 10}`;
}

/**
 * A handset texting one of our numbers: the Celcom simulator's admin endpoint posts it to the app's
 * inbound callback, as Celcom would, and answers with what the app answered.
 */
export async function originateInbound(message: { from: string; to: string; message: string }): Promise<void> {
  const simulatorUrl = process.env.E2E_SIMULATOR_URL;
  if (!simulatorUrl) throw new Error("E2E_SIMULATOR_URL is not set: run the e2e suite through the test runner script");
  const response = await fetch(`${simulatorUrl}/admin/inbound`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(message) });
  const answer = (await response.json()) as { delivered?: boolean; status?: number };
  expect(answer, "the app accepted the inbound message").toMatchObject({ delivered: true, status: 200 });
}

/**
 * Adds rules to the running Celcom simulator through its admin API, replacing any earlier rule for
 * the same suffixes, so the numbers a spec sends to get the outcomes it asserts.
 */
export async function addSimulatorRules(rules: SimulatorRule[]): Promise<void> {
  const adminUrl = `${requiredEnv("E2E_SIMULATOR_URL")}/admin/config`;
  const current = (await (await fetch(adminUrl)).json()) as { rules: SimulatorRule[] };
  const suffixes = new Set(rules.map((rule) => rule.mobileSuffix));
  const response = await fetch(adminUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ rules: [...current.rules.filter((rule) => !suffixes.has(rule.mobileSuffix)), ...rules] }),
  });
  if (!response.ok) throw new Error(`simulator refused the rules: ${response.status} ${await response.text()}`);
}

/** A fixed outcome at the SMPP simulator (the second provider of the e2e route) for numbers ending in `mobileSuffix`. */
export interface SmppSimulatorRule {
  mobileSuffix: string;
  /** submit_sm answered with this command_status (0x0b invalid destination: permanent; 0x58 throttled: retryable). */
  fail?: { status: number };
  failTimes?: number;
}

/** Adds rules to the running SMPP simulator through its admin API, replacing earlier rules for the same suffixes. */
export async function addSmppSimulatorRules(rules: SmppSimulatorRule[]): Promise<void> {
  const adminUrl = `${requiredEnv("E2E_SMPP_ADMIN_URL")}/admin/config`;
  const current = (await (await fetch(adminUrl)).json()) as { rules: SmppSimulatorRule[] };
  const suffixes = new Set(rules.map((rule) => rule.mobileSuffix));
  const response = await fetch(adminUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ rules: [...current.rules.filter((rule) => !suffixes.has(rule.mobileSuffix)), ...rules] }),
  });
  if (!response.ok) throw new Error(`SMPP simulator refused the rules: ${response.status} ${await response.text()}`);
}

/** An address no other test (or earlier run) has used. */
export function uniqueEmail(label = "user"): string {
  return `e2e-${label}-${Date.now()}-${randomBytes(3).toString("hex")}@example.test`;
}

/** Signs in through the real form and waits for the portal. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
}

/** What sign-up says for a new and a taken email alike. */
export const SIGNED_UP_NOTICE = "If this email could be used, your account is ready.";

export interface NewUser {
  accountName: string;
  name: string;
  email: string;
  password: string;
}

/**
 * Creates an account through the sign-up form, then signs in (sign-up answers every address the same
 * way and never signs in by itself); lands on Overview.
 */
export async function signUp(page: Page, overrides: Partial<NewUser> = {}): Promise<NewUser> {
  const user: NewUser = {
    accountName: `E2E Org ${randomBytes(3).toString("hex")}`,
    name: "E2E Owner",
    email: uniqueEmail(),
    password: `pw-${randomBytes(8).toString("hex")}`,
    ...overrides,
  };
  await page.goto("/sign-up");
  await page.getByLabel("Organisation name").fill(user.accountName);
  await page.getByLabel("Your name").fill(user.name);
  await page.getByLabel("Work email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText(SIGNED_UP_NOTICE)).toBeVisible();
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  return user;
}

/** The portal's main navigation (sidebar, or the opened menu on narrow screens). */
export function mainNav(page: Page): Locator {
  return page.getByRole("navigation", { name: "Main" });
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
}
