import { db } from "@/lib/db";
import { notFound } from "@/lib/http/errors";

/**
 * Marks a parked or rejected delivery report as dealt with (it stays for audit and in the totals,
 * but leaves the unresolved counts and the recent list). Resolving twice keeps the first time.
 */
export async function resolveDlrDeadLetter(id: bigint): Promise<{ id: string; resolvedAt: Date }> {
  await db.dlrDeadLetter.updateMany({ where: { id, resolvedAt: null }, data: { resolvedAt: new Date() } });
  const row = await db.dlrDeadLetter.findUnique({ where: { id }, select: { id: true, resolvedAt: true } });
  if (!row?.resolvedAt) throw notFound("Dead letter");
  return { id: row.id.toString(), resolvedAt: row.resolvedAt };
}
