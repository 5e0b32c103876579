import { db, type Transaction } from "@/lib/db";
import { generateApiKey } from "@/lib/api-keys/key-format";

export interface CreatedApiKey {
  id: string;
  name: string;
  prefix: string;
  /** The full key: returned once at creation and never again. */
  key: string;
  createdAt: Date;
}

export async function createApiKey(
  input: { accountId: string; name: string; createdById?: string | null },
  tx: Transaction | typeof db = db,
): Promise<CreatedApiKey> {
  const { key, prefix, hash } = generateApiKey();
  const row = await tx.apiKey.create({
    data: { accountId: input.accountId, name: input.name, prefix, hash, createdById: input.createdById ?? null },
    select: { id: true, name: true, prefix: true, createdAt: true },
  });
  return { ...row, key };
}
