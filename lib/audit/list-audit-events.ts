import { db } from "@/lib/db";
import { encodeAuditCursor, type ListAuditEventsQuery } from "@/lib/audit/schemas";
import type { Prisma } from "@/lib/generated/prisma/client";

export interface AuditEventView {
  id: string;
  action: string;
  actor: { type: string; id: string | null; label: string | null };
  target: { type: string | null; id: string | null };
  accountId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  createdAt: Date;
}

/**
 * Audit events newest first, a page at a time (keyset on id, so pages stay stable while events are
 * appended). `accountId` confines the list to one account (the API and the account's portal page);
 * null lists every account's and the platform's events (operators only).
 */
export async function listAuditEvents(accountId: string | null, query: ListAuditEventsQuery): Promise<{ data: AuditEventView[]; nextCursor: string | null }> {
  const where: Prisma.AuditEventWhereInput = {};
  if (accountId !== null) where.accountId = accountId;
  if (query.action) where.action = { in: query.action };
  if (query.since || query.until) where.createdAt = { gte: query.since, lt: query.until };
  if (query.cursor !== undefined) where.id = { lt: query.cursor };
  const rows = await db.auditEvent.findMany({ where, orderBy: { id: "desc" }, take: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map((row) => ({
      id: row.id.toString(),
      action: row.action,
      actor: { type: row.actorType, id: row.actorId, label: row.actorLabel },
      target: { type: row.targetType, id: row.targetId },
      accountId: row.accountId,
      before: row.before,
      after: row.after,
      ip: row.ip,
      userAgent: row.userAgent,
      requestId: row.requestId,
      createdAt: row.createdAt,
    })),
    nextCursor: rows.length > query.limit && last ? encodeAuditCursor(last.id) : null,
  };
}
