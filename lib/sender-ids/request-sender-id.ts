import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/http/errors";
import { publicFields } from "@/lib/sender-ids/get-sender-ids";
import type { RequestSenderIdInput } from "@/lib/sender-ids/schemas";

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
