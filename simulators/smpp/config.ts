import { randomInt } from "node:crypto";
import { z } from "zod";

const nonNegativeInt = z.number().int().min(0);
const commandStatus = z.number().int().min(1).max(0xffff);

/** Defaults the worker's demo provider row and the simulator share. */
export const SMPP_SIMULATOR_DEFAULTS = { port: 2775, adminPort: 4012, systemId: "semalink", password: "simpass" } as const;

/**
 * A deterministic override for destinations ending in `mobileSuffix`: the first matching rule wins
 * and matched numbers are exempt from the random knobs (errors), like the Celcom simulator's rules.
 */
export const smppRuleSchema = z
  .object({
    mobileSuffix: z.string().regex(/^\d+$/, "digits only"),
    /** submit_sm answered with this command_status (e.g. 0x0b invalid destination, 0x58 throttled). */
    fail: z.object({ status: commandStatus }).strict().optional(),
    failTimes: z.number().int().positive().optional(),
    /** Receipt stat for accepted submits: DELIVRD, UNDELIV, EXPIRED, REJECTD, … */
    dlr: z.string().min(1).optional(),
    dlrLatencyMs: nonNegativeInt.optional(),
  })
  .strict();

export const smppSimulatorConfigSchema = z
  .object({
    systemId: z.string().min(1).max(16),
    password: z.string().min(1).max(9),
    dlrEnabled: z.boolean(),
    dlrLatencyMinMs: nonNegativeInt,
    dlrLatencyMaxMs: nonNegativeInt,
    /** Relative weights of receipt stats. */
    outcomes: z.record(z.string().min(1), z.number().min(0)),
    /** Delay before every submit_sm_resp. */
    submitLatencyMs: nonNegativeInt,
    /** "error": every submit_sm gets ESME_RSYSERR; "reset": connections are dropped and binds refused. Admin keeps working. */
    outage: z.enum(["off", "error", "reset"]),
    errorProbability: z.number().min(0).max(1),
    errorStatus: commandStatus,
    /** submit_sm per second accepted before ESME_RTHROTTLED; 0 = no limit. */
    maxPerSecond: nonNegativeInt,
    rules: z.array(smppRuleSchema),
    seed: z.number().int(),
  })
  .strict()
  .refine((config) => config.dlrLatencyMaxMs >= config.dlrLatencyMinMs, { message: "dlrLatencyMaxMs must be ≥ dlrLatencyMinMs", path: ["dlrLatencyMaxMs"] });

export type SmppSimulatorConfig = z.infer<typeof smppSimulatorConfigSchema>;

export function defaultSmppConfig(): SmppSimulatorConfig {
  return {
    systemId: SMPP_SIMULATOR_DEFAULTS.systemId,
    password: SMPP_SIMULATOR_DEFAULTS.password,
    dlrEnabled: true,
    dlrLatencyMinMs: 200,
    dlrLatencyMaxMs: 2_000,
    outcomes: { DELIVRD: 0.9, EXPIRED: 0.05, UNDELIV: 0.05 },
    submitLatencyMs: 0,
    outage: "off",
    errorProbability: 0,
    errorStatus: 0x45,
    maxPerSecond: 0,
    rules: [],
    seed: randomInt(2 ** 31),
  };
}

/** Applies a partial configuration; throws a ZodError naming every invalid field. */
export function mergeSmppConfig(current: SmppSimulatorConfig, patch: unknown): SmppSimulatorConfig {
  const partial = z.record(z.string(), z.unknown()).parse(patch);
  return smppSimulatorConfigSchema.parse({ ...current, ...partial });
}
