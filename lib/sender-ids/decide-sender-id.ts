import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/http/errors";
import { publicFields } from "@/lib/sender-ids/get-sender-ids";
import { hasReasonIfRejected, REJECTION_REASON_REQUIRED } from "@/lib/sender-ids/schemas";

/** Operator decision on a requested sender ID. */
export async function decideSenderId(id: string, decision: "approved" | "rejected", decidedBy: string | null, reason?: string) {
  if (!hasReasonIfRejected({ decision, reason })) {
    throw new AppError("validation_failed", REJECTION_REASON_REQUIRED, [{ field: "reason", message: REJECTION_REASON_REQUIRED }]);
  }
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
