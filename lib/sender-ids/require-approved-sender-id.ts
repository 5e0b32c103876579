import { db } from "@/lib/db";
import { type AppError, fieldError } from "@/lib/http/errors";

/** The error for sending from a sender ID that is unregistered (status null) or not approved. */
export function senderIdNotApprovedError(value: string, status: string | null): AppError {
  return fieldError(
    "sender_id_not_approved",
    "from",
    status ? `Sender ID "${value}" is ${status}, not approved` : `Sender ID "${value}" is not registered for this account`,
  );
}

/** The approved sender ID row for a value, or an error naming the problem. */
export async function requireApprovedSenderId(accountId: string, value: string) {
  const row = await db.senderId.findUnique({ where: { accountId_value: { accountId, value } }, select: { status: true } });
  if (!row || row.status !== "approved") throw senderIdNotApprovedError(value, row?.status ?? null);
}
