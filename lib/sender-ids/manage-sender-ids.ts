import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError, notFound } from "@/lib/http/errors";
import type { RequestSenderIdInput } from "@/lib/sender-ids/schemas";

const publicFields = { id: true, value: true, status: true, purpose: true, reason: true, createdAt: true, decidedAt: true } as const;

export async function listSenderIds(accountId: string) {
  return db.senderId.findMany({ where: { accountId }, select: publicFields, orderBy: { createdAt: "desc" } });
}

export async function getSenderId(accountId: string, id: string) {
  const row = await db.senderId.findFirst({ where: { id, accountId }, select: publicFields });
  if (!row) throw notFound("Sender ID");
  return row;
}

export async function requestSenderId(accountId: string, input: RequestSenderIdInput) {
  try {
    const created = await db.senderId.create({
      data: { accountId, value: input.value, purpose: input.purpose ?? null },
      select: publicFields,
    });
    await recordAudit({ action: "sender_id.request", accountId, target: { type: "sender_id", id: created.id }, after: created });
    return created;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("conflict", `Sender ID "${input.value}" has already been requested for this account`);
    }
    throw error;
  }
}

/** Operator decision on a requested sender ID. */
export async function decideSenderId(id: string, decision: "approved" | "rejected", decidedBy: string | null, reason?: string) {
  const row = await db.senderId.findUnique({ where: { id } });
  if (!row) throw notFound("Sender ID");
  const decided = await db.senderId.update({
    where: { id },
    data: { status: decision, reason: reason ?? null, decidedAt: new Date(), decidedBy },
    select: { ...publicFields, accountId: true },
  });
  await recordAudit({
    action: decision === "approved" ? "sender_id.approve" : "sender_id.reject",
    accountId: row.accountId,
    operator: true,
    target: { type: "sender_id", id },
    before: { value: row.value, status: row.status, reason: row.reason },
    after: { value: decided.value, status: decided.status, reason: decided.reason },
  });
  return decided;
}

/** Operators approve by account and value (CLI); creates the sender ID if it was never requested. */
export async function approveSenderIdByValue(accountId: string, value: string, decidedBy: string | null = null) {
  const approved = await db.senderId.upsert({
    where: { accountId_value: { accountId, value } },
    create: { accountId, value, status: "approved", decidedAt: new Date(), decidedBy },
    update: { status: "approved", reason: null, decidedAt: new Date(), decidedBy },
    select: publicFields,
  });
  await recordAudit({ action: "sender_id.approve", accountId, operator: true, target: { type: "sender_id", id: approved.id }, after: { value, status: approved.status } });
  return approved;
}

export async function listPendingSenderIds() {
  return db.senderId.findMany({
    where: { status: "pending" },
    select: { ...publicFields, account: { select: { id: true, name: true } } },
    orderBy: { createdAt: "asc" },
  });
}

/** The error for sending from a sender ID that is unregistered (status null) or not approved. */
export function senderIdNotApprovedError(value: string, status: string | null): AppError {
  return new AppError(
    "sender_id_not_approved",
    status ? `Sender ID "${value}" is ${status}, not approved` : `Sender ID "${value}" is not registered for this account`,
    { field: "from" },
  );
}

/** The approved sender ID row for a value, or an error naming the problem. */
export async function requireApprovedSenderId(accountId: string, value: string) {
  const row = await db.senderId.findUnique({ where: { accountId_value: { accountId, value } }, select: { status: true } });
  if (!row || row.status !== "approved") throw senderIdNotApprovedError(value, row?.status ?? null);
}
