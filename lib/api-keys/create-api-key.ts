import { db, type Transaction } from "@/lib/db";
import { generateApiKey } from "@/lib/api-keys/key-format";
import { recordAudit } from "@/lib/audit/record-audit";

export interface CreatedApiKey {
  id: string;
  name: string;
  prefix: string;
  /** The full key: returned once at creation and never again. */
  key: string;
  createdAt: Date;
}

type Client = Transaction | typeof db;
type NewKey = { accountId: string; name: string; createdById?: string | null };

/** The row of a new key (no audit event: for callers that record their own, like rotation). */
export async function insertApiKey(input: NewKey, tx: Client = db): Promise<CreatedApiKey> {
  const { key, prefix, hash } = generateApiKey();
  const row = await tx.apiKey.create({
    data: { accountId: input.accountId, name: input.name, prefix, hash, createdById: input.createdById ?? null },
    select: { id: true, name: true, prefix: true, createdAt: true },
  });
  return { ...row, key };
}

export async function createApiKey(input: NewKey, tx: Client = db): Promise<CreatedApiKey> {
  const created = await insertApiKey(input, tx);
  await recordAudit(
    { action: "api_key.create", accountId: input.accountId, target: { type: "api_key", id: created.id }, after: { name: created.name, prefix: created.prefix } },
    tx,
  );
  return created;
}
