import { db } from "@/lib/db";
import { notFound } from "@/lib/http/errors";

const listSelect = {
  id: true,
  name: true,
  status: true,
  source: true,
  phoneColumn: true,
  fields: true,
  totalCount: true,
  validCount: true,
  invalidCount: true,
  duplicateCount: true,
  pendingCount: true,
  createdAt: true,
  validatedAt: true,
} as const;

export type ContactListSummary = Awaited<ReturnType<typeof getContactList>>;

function withProgress<T extends { totalCount: number; pendingCount: number }>(list: T) {
  const done = list.totalCount - list.pendingCount;
  return { ...list, progress: list.totalCount === 0 ? 1 : Math.min(1, done / list.totalCount) };
}

export async function listContactLists(accountId: string, options: { limit?: number; status?: "ready" } = {}) {
  const lists = await db.contactList.findMany({
    where: { accountId, status: options.status ?? { not: "uploading" } },
    orderBy: { createdAt: "desc" },
    take: options.limit ?? 50,
    select: listSelect,
  });
  return lists.map(withProgress);
}

export async function getContactList(accountId: string, listId: string) {
  const list = await db.contactList.findFirst({ where: { id: listId, accountId }, select: listSelect });
  if (!list) throw notFound("Contact list");
  const run = await db.contactValidationRun.findFirst({
    where: { listId },
    orderBy: { createdAt: "desc" },
    select: { id: true, chunksTotal: true, chunksDone: true, status: true, completedAt: true },
  });
  return { ...withProgress(list), validationRun: run };
}
