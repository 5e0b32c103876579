import { randomInt } from "node:crypto";
import { z } from "zod";
import {
  SIMULATOR_DEFAULT_API_KEY,
  SIMULATOR_DEFAULT_DLR_URL,
  SIMULATOR_DEFAULT_PARTNER_ID,
} from "@/lib/providers/celcom/simulator-defaults";

const probability = z.number().min(0).max(1);
const nonNegativeInt = z.number().int().min(0);

/** What a rule does to a send: a Celcom response code, an HTTP status, a hang, or a dropped connection. */
export const simulatorFaultSchema = z.union([
  z.object({ code: z.number().int().min(1).max(9999) }).strict(),
  z.object({ http: z.number().int().min(400).max(599) }).strict(),
  z.object({ timeout: z.literal(true) }).strict(),
  z.object({ reset: z.literal(true) }).strict(),
]);

/**
 * A deterministic override for mobiles ending in `mobileSuffix` (digits, compared against the
 * number without "+"). The first matching rule wins, and matched numbers are exempt from every
 * random knob, so a test gets the same behaviour on every run.
 */
export const simulatorRuleSchema = z
  .object({
    mobileSuffix: z.string().regex(/^\d+$/, "digits only"),
    /** Injected on sends to this number; omitted means sends are accepted. */
    fail: simulatorFaultSchema.optional(),
    /** How many sends per number get `fail` before they are accepted; omitted means every send fails. */
    failTimes: z.number().int().positive().optional(),
    /** Final DLR description for accepted sends, e.g. "DeliveredToTerminal", "AbsentSubscriber". */
    dlr: z.string().min(1).optional(),
    dlrLatencyMs: nonNegativeInt.optional(),
    /** Post the final DLR twice. */
    duplicateDlr: z.boolean().optional(),
    /** Post the final DLR first and a stale SentToNetwork after it. */
    outOfOrder: z.boolean().optional(),
  })
  .strict();

const configShape = z
  .object({
    apiKey: z.string().min(1),
    partnerId: z.string().min(1),
    /** Where DLRs are POSTed; null keeps them only for `getdlr` pulls. */
    dlrUrl: z.string().url().nullable(),
    /** Sent as the `x-callback-token` header when set. */
    dlrToken: z.string().min(1).nullable(),
    dlrEnabled: z.boolean(),
    dlrLatencyMinMs: nonNegativeInt,
    dlrLatencyMaxMs: nonNegativeInt,
    /** Relative weights of final DLR descriptions. */
    outcomes: z.record(z.string().min(1), z.number().min(0)),
    /** Post an intermediate SentToNetwork before the final report. */
    sentToNetwork: z.boolean(),
    http500Probability: probability,
    timeoutProbability: probability,
    errorCodeProbability: probability,
    /** The Celcom code injected by `errorCodeProbability`. */
    errorCode: z.number().int().min(1).max(9999),
    duplicateDlrProbability: probability,
    outOfOrderProbability: probability,
    /** "503": every API request gets HTTP 503; "reset": connections are dropped. Admin stays up. */
    outage: z.enum(["off", "503", "reset"]),
    /** 1 posts one JSON object per request; more posts JSON arrays of up to this many. */
    dlrBatchSize: z.number().int().min(1).max(1000),
    dlrConcurrency: z.number().int().min(1).max(1024),
    dlrMaxAttempts: z.number().int().min(1).max(20),
    dlrRetryBaseMs: z.number().int().min(1),
    dlrTimeoutMs: z.number().int().min(1),
    /** DLRs waiting or in flight beyond this are dropped (and counted) to keep memory bounded. */
    maxPendingDlrs: z.number().int().min(1),
    /** Messages remembered for `getdlr`; the oldest are forgotten first. */
    maxTrackedMessages: z.number().int().min(1),
    /** Delay before answering API requests, to imitate provider latency. */
    sendLatencyMs: nonNegativeInt,
    /** How long an injected timeout holds a request before dropping the connection. */
    timeoutHangMs: z.number().int().min(1),
    /** Account credit at start (and after reset), in minor units. */
    creditMinor: z.number().int(),
    /** Charged per accepted message; a send that cannot be paid gets 1004. */
    smsCostMinor: nonNegativeInt,
    /** Registered sender ids; null accepts any non-empty shortcode. */
    allowedShortcodes: z.array(z.string().min(1)).nullable(),
    rules: z.array(simulatorRuleSchema),
    seed: z.number().int(),
    /** First message id handed out; later ids increase by one. */
    firstMessageId: z.number().int().positive(),
  })
  .strict();

export type SimulatorConfig = z.infer<typeof configShape>;
export type SimulatorRule = z.infer<typeof simulatorRuleSchema>;
export type SimulatorFault = z.infer<typeof simulatorFaultSchema>;

export const simulatorConfigPatchSchema = configShape.partial();
export type SimulatorConfigPatch = z.input<typeof simulatorConfigPatchSchema>;

export function defaultSimulatorConfig(): SimulatorConfig {
  return {
    apiKey: SIMULATOR_DEFAULT_API_KEY,
    partnerId: SIMULATOR_DEFAULT_PARTNER_ID,
    dlrUrl: SIMULATOR_DEFAULT_DLR_URL,
    dlrToken: null,
    dlrEnabled: true,
    dlrLatencyMinMs: 200,
    dlrLatencyMaxMs: 2_000,
    outcomes: { DeliveredToTerminal: 0.9, AbsentSubscriber: 0.05, DeliveryImpossible: 0.05 },
    sentToNetwork: false,
    http500Probability: 0,
    timeoutProbability: 0,
    errorCodeProbability: 0,
    errorCode: 1005,
    duplicateDlrProbability: 0,
    outOfOrderProbability: 0,
    outage: "off",
    dlrBatchSize: 1,
    dlrConcurrency: 32,
    dlrMaxAttempts: 5,
    dlrRetryBaseMs: 250,
    dlrTimeoutMs: 5_000,
    maxPendingDlrs: 2_000_000,
    maxTrackedMessages: 200_000,
    sendLatencyMs: 0,
    timeoutHangMs: 120_000,
    creditMinor: 100_000_000_00,
    smsCostMinor: 0,
    allowedShortcodes: null,
    rules: [],
    seed: randomInt(2 ** 31),
    // Time-based so a restarted simulator never reissues ids a database already holds.
    firstMessageId: Date.now() * 100,
  };
}

export type ConfigUpdate = { ok: true; config: SimulatorConfig } | { ok: false; issues: string[] };

/** Validates a partial update against `base`, including the rules that span several fields. */
export function applySimulatorConfigPatch(base: SimulatorConfig, patch: unknown): ConfigUpdate {
  const parsed = simulatorConfigPatchSchema.safeParse(patch);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map((issue) => `${issue.path.join(".") || "config"}: ${issue.message}`) };
  }
  const config: SimulatorConfig = { ...base, ...stripUndefined(parsed.data) };
  const issues: string[] = [];
  if (config.dlrLatencyMinMs > config.dlrLatencyMaxMs) issues.push("dlrLatencyMinMs: must not exceed dlrLatencyMaxMs");
  if (!Object.values(config.outcomes).some((weight) => weight > 0)) issues.push("outcomes: at least one weight must be positive");
  return issues.length > 0 ? { ok: false, issues } : { ok: true, config };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}
