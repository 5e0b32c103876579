import { db } from "@/lib/db";

/** Which of `phones` (E.164) have opted out of the account's messages: one indexed lookup for a whole batch. */
export async function findOptedOutPhones(accountId: string, phones: readonly string[]): Promise<Set<string>> {
  if (phones.length === 0) return new Set();
  const rows = await db.$queryRaw<{ phone: string }[]>`
    SELECT phone FROM opt_outs WHERE account_id = ${accountId}::uuid AND phone = ANY(${[...new Set(phones)]}::text[])`;
  return new Set(rows.map((row) => row.phone));
}
