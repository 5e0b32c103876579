import { z } from "zod";
import { db } from "@/lib/db";
import { pgText } from "@/lib/validation/pg-safe";

export const listAccountsInput = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  pageSize: z.coerce.number().int().min(1).max(200).catch(25),
  query: pgText(z.string().trim().max(100)).optional().catch(undefined),
});
/** Raw values (e.g. from a query string) are accepted: anything invalid falls back to the defaults. */
export interface ListAccountsInput {
  page?: unknown;
  pageSize?: unknown;
  query?: unknown;
}

export interface AccountListRow {
  id: string;
  name: string;
  status: "active" | "suspended";
  createdAt: Date;
  ownerEmail: string | null;
  userCount: number;
  balance: number;
  reserved: number;
  spent: number;
  toppedUp: number;
  /** Requests per second for /v1; null = the configured default. */
  apiRateLimit: number | null;
}

/** Operator view: every account with its balances, newest first; `query` matches name or a user's email. */
export async function listAccounts(input: ListAccountsInput = {}) {
  const { page, pageSize, query } = listAccountsInput.parse(input);
  const where = query
    ? {
        OR: [
          { name: { contains: query, mode: "insensitive" as const } },
          { users: { some: { email: { contains: query, mode: "insensitive" as const } } } },
        ],
      }
    : {};
  const rows = await db.account.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    skip: (page - 1) * pageSize,
    take: pageSize + 1,
    select: {
      id: true,
      name: true,
      status: true,
      createdAt: true,
      balance: true,
      reserved: true,
      spent: true,
      toppedUp: true,
      apiRateLimit: true,
      users: { where: { role: "owner" }, select: { email: true }, orderBy: { createdAt: "asc" }, take: 1 },
      _count: { select: { users: true } },
    },
  });
  const accounts: AccountListRow[] = rows.slice(0, pageSize).map((row) => ({
    id: row.id,
    name: row.name,
    status: row.status,
    createdAt: row.createdAt,
    ownerEmail: row.users[0]?.email ?? null,
    userCount: row._count.users,
    balance: Number(row.balance),
    reserved: Number(row.reserved),
    spent: Number(row.spent),
    toppedUp: Number(row.toppedUp),
    apiRateLimit: row.apiRateLimit,
  }));
  return { accounts, page, pageSize, query, hasNextPage: rows.length > pageSize };
}
