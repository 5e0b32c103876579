import { recordAudit } from "@/lib/audit/record-audit";
import { db, Prisma } from "@/lib/db";
import { AppError, notFound } from "@/lib/http/errors";
import { decryptSecrets, encryptSecrets } from "@/lib/routing/provider-secrets";
import {
  celcomSecretsSchema,
  celcomSettingsSchema,
  smppSecretsSchema,
  smppSettingsSchema,
  type CreateProviderInput,
  type RoutingProviderKind,
  type UpdateProviderInput,
} from "@/lib/routing/schemas";

/** What operators see of a provider: never its secrets, only which ones are set. */
export interface ProviderView {
  id: string;
  name: string;
  kind: RoutingProviderKind;
  enabled: boolean;
  maxPerSecond: number;
  costs: Record<string, number>;
  settings: Record<string, unknown>;
  secretsSet: string[];
  updatedAt: Date;
}

type ProviderRow = Prisma.ProviderGetPayload<object>;

function present(row: ProviderRow): ProviderView {
  let secretsSet: string[] = [];
  try {
    secretsSet = Object.keys(decryptSecrets(row.secrets)).sort();
  } catch {
    secretsSet = ["(unreadable with the current PROVIDER_SECRETS_KEY)"];
  }
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as RoutingProviderKind,
    enabled: row.enabled,
    maxPerSecond: row.maxPerSecond,
    costs: row.costs as Record<string, number>,
    settings: row.settings as Record<string, unknown>,
    secretsSet,
    updatedAt: row.updatedAt,
  };
}

export async function listProviders(): Promise<ProviderView[]> {
  return (await db.provider.findMany({ orderBy: { name: "asc" } })).map(present);
}

export async function getProvider(name: string): Promise<ProviderView> {
  const row = await db.provider.findUnique({ where: { name } });
  if (!row) throw notFound("Provider");
  return present(row);
}

export async function createProvider(input: CreateProviderInput): Promise<ProviderView> {
  try {
    const row = await db.provider.create({
      data: {
        name: input.name,
        kind: input.kind,
        settings: input.settings,
        secrets: encryptSecrets(input.secrets),
        enabled: input.enabled ?? true,
        maxPerSecond: input.maxPerSecond ?? 100,
        costs: input.costs ?? {},
      },
    });
    const created = present(row);
    await recordAudit({ action: "provider.update", accountId: null, operator: true, target: { type: "provider", id: row.name }, before: null, after: created });
    return created;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("conflict", `A provider named ${input.name} already exists`);
    }
    throw error;
  }
}

function validationError(field: string, issues: { path: PropertyKey[]; message: string }[]): AppError {
  return new AppError(
    "validation_failed",
    `Invalid ${field}`,
    issues.map((issue) => ({ field: [field, ...issue.path.map(String)].join("."), message: issue.message, code: "invalid" })),
  );
}

/** Merges settings and secrets into the stored ones; the result must still be valid for the provider's kind. */
export async function updateProvider(name: string, input: UpdateProviderInput): Promise<ProviderView> {
  const row = await db.provider.findUnique({ where: { name } });
  if (!row) throw notFound("Provider");
  const data: Prisma.ProviderUpdateInput = {};
  if (input.settings) {
    const merged = { ...(row.settings as Record<string, unknown>), ...input.settings };
    const parsed = (row.kind === "smpp" ? smppSettingsSchema : celcomSettingsSchema).safeParse(merged);
    if (!parsed.success) throw validationError("settings", parsed.error.issues);
    data.settings = parsed.data;
  }
  if (input.secrets) {
    const merged = { ...decryptSecrets(row.secrets), ...input.secrets };
    const parsed = (row.kind === "smpp" ? smppSecretsSchema : celcomSecretsSchema).safeParse(merged);
    if (!parsed.success) throw validationError("secrets", parsed.error.issues);
    data.secrets = encryptSecrets(parsed.data);
  }
  if (input.enabled !== undefined) data.enabled = input.enabled;
  if (input.maxPerSecond !== undefined) data.maxPerSecond = input.maxPerSecond;
  if (input.costs !== undefined) data.costs = input.costs;
  const updated = present(await db.provider.update({ where: { id: row.id }, data }));
  // present() never includes secrets; a secrets change shows as which secrets are set.
  await recordAudit({ action: "provider.update", accountId: null, operator: true, target: { type: "provider", id: row.name }, before: present(row), after: updated });
  return updated;
}

export async function setProviderEnabled(name: string, enabled: boolean): Promise<ProviderView> {
  return updateProvider(name, { enabled });
}
