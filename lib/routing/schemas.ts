import { z } from "zod";

export const PROVIDER_KINDS = ["celcom", "smpp"] as const;
export type RoutingProviderKind = (typeof PROVIDER_KINDS)[number];
export const ROUTE_STRATEGIES = ["priority", "score"] as const;
export type RouteStrategy = (typeof ROUTE_STRATEGIES)[number];

export const providerNameSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9._-]{0,62}$/, "lowercase letters, digits, '.', '_' and '-' (at most 63)");

/** Non-secret connection settings, by kind. Secrets (apiKey, password) travel separately. */
export const celcomSettingsSchema = z
  .object({
    baseUrl: z.string().url(),
    partnerId: z.string().trim().min(1),
    timeoutMs: z.number().int().min(100).max(120_000).optional(),
    bulkBatchSize: z.number().int().min(1).max(1_000).optional(),
  })
  .strict();

export const smppSettingsSchema = z
  .object({
    host: z.string().trim().min(1),
    port: z.number().int().min(1).max(65_535),
    systemId: z.string().trim().min(1).max(16),
    systemType: z.string().max(13).optional(),
    /** submit_sm in flight at once on the session. */
    windowSize: z.number().int().min(1).max(500).optional(),
    enquireLinkMs: z.number().int().min(1_000).max(300_000).optional(),
    timeoutMs: z.number().int().min(100).max(120_000).optional(),
  })
  .strict();

export const celcomSecretsSchema = z.object({ apiKey: z.string().min(1) }).strict();
export const smppSecretsSchema = z.object({ password: z.string().min(1).max(9) }).strict();

/** Cost per segment in minor units by MNO name ("Safaricom", "Airtel", …; "*" for any other). */
export const providerCostsSchema = z.record(z.string().trim().min(1).max(40), z.number().int().min(0).max(100_000));

const providerFields = {
  enabled: z.boolean().optional(),
  maxPerSecond: z.number().int().min(1).max(100_000).optional(),
  costs: providerCostsSchema.optional(),
};

export const createProviderInput = z.discriminatedUnion("kind", [
  z.object({ name: providerNameSchema, kind: z.literal("celcom"), settings: celcomSettingsSchema, secrets: celcomSecretsSchema, ...providerFields }).strict(),
  z.object({ name: providerNameSchema, kind: z.literal("smpp"), settings: smppSettingsSchema, secrets: smppSecretsSchema, ...providerFields }).strict(),
]);
export type CreateProviderInput = z.infer<typeof createProviderInput>;

/** Settings are merged into the stored ones and checked against the provider's kind. */
export const updateProviderInput = z
  .object({
    settings: z.record(z.string(), z.unknown()).optional(),
    secrets: z.record(z.string(), z.string().min(1)).optional(),
    ...providerFields,
  })
  .strict();
export type UpdateProviderInput = z.infer<typeof updateProviderInput>;

export const setRouteInput = z
  .object({
    country: z.string().trim().regex(/^[A-Za-z]{2}$/, "two-letter country code").transform((value) => value.toUpperCase()),
    mno: z.string().trim().max(40).optional().transform((value) => value ?? ""),
    providers: z.array(providerNameSchema).min(1).max(10).refine((names) => new Set(names).size === names.length, "each provider once"),
    strategy: z.enum(ROUTE_STRATEGIES).default("priority"),
  })
  .strict();
export type SetRouteInput = z.input<typeof setRouteInput>;
