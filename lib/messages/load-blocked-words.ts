import { db, Prisma } from "@/lib/db";

/** SQL array of the platform-wide words plus those of the account whose id is `accountId` (an SQL expression). */
export function blockedWordsArraySql(accountId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`ARRAY(SELECT w.word FROM blocked_words w WHERE w.account_id IS NULL OR w.account_id = ${accountId})`;
}

/** Blocked words that apply to an account's messages: platform-wide and its own, for `checkContent`. */
export async function loadBlockedWords(accountId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ words: string[] }[]>`SELECT ${blockedWordsArraySql(Prisma.sql`${accountId}::uuid`)} AS words`;
  return rows[0]?.words ?? [];
}
