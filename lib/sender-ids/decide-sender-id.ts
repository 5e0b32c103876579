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
  return db.senderId.update({
    where: { id },
    data: { status: decision, reason: reason ?? null, decidedAt: new Date(), decidedBy },
    select: { ...publicFields, accountId: true },
  });
}

/** Operators approve by account and value (CLI); creates the sender ID if it was never requested. */
export async function approveSenderIdByValue(accountId: string, value: string, decidedBy: string | null = null) {
  return db.senderId.upsert({
    where: { accountId_value: { accountId, value } },
    create: { accountId, value, status: "approved", decidedAt: new Date(), decidedBy },
    update: { status: "approved", reason: null, decidedAt: new Date(), decidedBy },
    select: publicFields,
  });
}
