import { z } from "zod";
import { db } from "@/lib/db";

export const LEDGER_TYPES = ["topup", "reserve", "capture", "release"] as const;
export type LedgerType = (typeof LEDGER_TYPES)[number];

export const listLedgerInput = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  pageSize: z.coerce.number().int().min(1).max(200).catch(25),
  type: z.enum(LEDGER_TYPES).optional().catch(undefined),
  /** Entries at or after this instant. */
  since: z.date().optional().catch(undefined),
  /** Entries before this instant. */
  until: z.date().optional().catch(undefined),
});
/** Raw values (e.g. from a query string) are accepted: anything invalid falls back to the defaults. */
export interface ListLedgerInput {
  page?: unknown;
  pageSize?: unknown;
  type?: unknown;
  since?: Date;
  until?: Date;
}

export interface LedgerRow {
  id: string;
  type: LedgerType;
  amount: number;
  messageId: string | null;
  campaignId: string | null;
  description: string | null;
  createdAt: Date;
}

export interface LedgerPage {
  entries: LedgerRow[];
  page: number;
  pageSize: number;
  type?: LedgerType;
  hasNextPage: boolean;
}

/**
 * One page of an account's ledger, newest first. No total count: accounts that send a lot have
 * millions of rows, so the page asks for one row more than it shows to know whether another follows.
 */
export async function listLedger(accountId: string, input: ListLedgerInput = {}): Promise<LedgerPage> {
  const { page, pageSize, type, since, until } = listLedgerInput.parse(input);
  const rows = await db.ledgerEntry.findMany({
    where: { accountId, ...(type ? { type } : {}), ...(since || until ? { createdAt: { gte: since, lt: until } } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * pageSize,
    take: pageSize + 1,
    select: { id: true, type: true, amount: true, messageId: true, campaignId: true, description: true, createdAt: true },
  });
  return {
    entries: rows.slice(0, pageSize).map((row) => ({ ...row, id: row.id.toString(), amount: Number(row.amount) })),
    page,
    pageSize,
    type,
    hasNextPage: rows.length > pageSize,
  };
}
