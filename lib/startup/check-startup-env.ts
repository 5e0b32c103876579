import { DEFAULT_DLR_CALLBACK_TOKEN, DEFAULT_PROVIDER_SECRETS_KEY, env, type Env } from "@/lib/env";

export type StartingProcess = "web" | "worker" | "simulator";

export interface StartupProblem {
  /** The environment variable to set (or unset). */
  variable: string;
  message: string;
}

/** next-auth signs sessions with AUTH_SECRET; shorter secrets can be guessed offline from a session cookie. */
export const MIN_AUTH_SECRET_LENGTH = 32;

const SECRET_HINT = "a long random value, e.g. from `openssl rand -base64 32`";

/**
 * What stops a process from starting. Demo mode (`npm start`) and test mode (`npm test`) accept the
 * development defaults; production (SEMA_MODE unset) needs real secrets, a real provider and no
 * loopback webhooks, and the simulator does not run at all.
 */
export function startupProblems(source: Env, role: StartingProcess): StartupProblem[] {
  if (source.SEMA_MODE !== "production") return [];
  if (role === "simulator") {
    return [{ variable: "SEMA_MODE", message: "the Celcom simulator runs only in demo or test mode (SEMA_MODE=demo or SEMA_MODE=test)" }];
  }
  const problems: StartupProblem[] = [];
  if (source.DLR_CALLBACK_TOKEN === DEFAULT_DLR_CALLBACK_TOKEN) {
    problems.push({
      variable: "DLR_CALLBACK_TOKEN",
      message: `is missing or the published default; set it to ${SECRET_HINT}, and give the same value to the provider`,
    });
  }
  if (!source.AUTH_SECRET || source.AUTH_SECRET.length < MIN_AUTH_SECRET_LENGTH) {
    problems.push({
      variable: "AUTH_SECRET",
      message: `is ${source.AUTH_SECRET ? `shorter than ${MIN_AUTH_SECRET_LENGTH} characters` : "missing"}; set it to ${SECRET_HINT}`,
    });
  }
  if (source.PROVIDER_SECRETS_KEY === DEFAULT_PROVIDER_SECRETS_KEY || source.PROVIDER_SECRETS_KEY.length < MIN_AUTH_SECRET_LENGTH) {
    problems.push({ variable: "PROVIDER_SECRETS_KEY", message: `is missing, the published default or short; set it to ${SECRET_HINT} (it encrypts provider credentials)` });
  }
  if (source.WEBHOOK_ALLOW_LOOPBACK) {
    problems.push({ variable: "WEBHOOK_ALLOW_LOOPBACK", message: "lets tenants' webhooks reach this machine; it is for demo and test mode only, unset it" });
  }
  if (role === "worker") problems.push(...providerProblems(source));
  return problems;
}

function providerProblems(source: Env): StartupProblem[] {
  if (source.SMS_PROVIDER === "simulator") {
    return [{ variable: "SMS_PROVIDER", message: "is the simulator (the default), which is for demo and test mode only; set SMS_PROVIDER=celcom" }];
  }
  const missing = (["CELCOM_API_KEY", "CELCOM_PARTNER_ID"] as const).filter((name) => source[name].trim() === "");
  return missing.map((variable) => ({ variable, message: "is missing; set it to the credential Celcom Africa issued" }));
}

export function describeStartupProblems(problems: readonly StartupProblem[], role: StartingProcess): string {
  return [
    `Sema Link ${role} refuses to start in production mode (SEMA_MODE is unset or "production"):`,
    ...problems.map((problem) => `  - ${problem.variable} ${problem.message}`),
    "For a local demo use `npm start` (it sets SEMA_MODE=demo); never run demo mode where the internet can reach it.",
  ].join("\n");
}

/**
 * Ends the process with exit code 1 and a message naming each variable to set when it must not start.
 * Written straight to stderr: a refusal has to be seen whatever LOG_LEVEL says.
 */
export function exitIfUnsafeToStart(role: StartingProcess, source: Env = env): void {
  const problems = startupProblems(source, role);
  if (problems.length === 0) return;
  process.stderr.write(`${describeStartupProblems(problems, role)}\n`);
  process.exit(1);
}
