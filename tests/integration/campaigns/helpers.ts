import { vi } from "vitest";
import { db } from "@/lib/db";
import { importContactNumbers } from "@/lib/contacts/import-contacts";
import { captureCredits } from "@/lib/credits/movements";
import { failMessageAndRefund, updateMessageStatus } from "@/lib/messages/update-message-status";

/** Waits until the list's validation run has finished (the in-process contacts worker runs it). */
export async function waitForListReady(listId: string) {
  await vi.waitFor(
    async () => {
      const list = await db.contactList.findUniqueOrThrow({ where: { id: listId }, select: { status: true } });
      if (list.status !== "ready") throw new Error(`list is ${list.status}`);
    },
    { timeout: 20_000, interval: 100 },
  );
  return db.contactList.findUniqueOrThrow({ where: { id: listId } });
}

export async function readyListOf(accountId: string, numbers: string[], name = "Test list") {
  const created = await importContactNumbers(accountId, name, numbers);
  return waitForListReady(created.contactListId);
}

/** Drives a campaign's messages to final statuses as the send pipeline would: delivered ones are charged, failed ones refunded. */
export async function finishCampaignMessages(campaignId: string, failEvery = 3) {
  const messages = await db.message.findMany({ where: { campaignId }, select: { id: true, accountId: true, cost: true }, orderBy: { id: "asc" } });
  for (const [index, message] of messages.entries()) {
    if (index % failEvery === 0) {
      await failMessageAndRefund({ messageId: message.id, source: "worker", reason: "test failure" });
      continue;
    }
    await db.$transaction(async (tx) => {
      await updateMessageStatus({ messageId: message.id, status: "sent", source: "worker" }, tx);
      await updateMessageStatus({ messageId: message.id, status: "delivered", source: "dlr" }, tx);
      await tx.$executeRaw`UPDATE messages SET charge_state = 'captured' WHERE id = ${message.id}::uuid`;
      await captureCredits(tx, message.accountId, message.cost, { messageId: message.id });
    });
  }
  return messages.length;
}

/** The account's reservation must equal reserved message costs plus campaigns' own reservations. */
export async function reservationBreakdown(accountId: string) {
  const [row] = await db.$queryRaw<{ account: bigint; messages: bigint; campaigns: bigint }[]>`
    SELECT (SELECT reserved FROM accounts WHERE id = ${accountId}::uuid) AS account,
           (SELECT COALESCE(sum(cost), 0)::bigint FROM messages WHERE account_id = ${accountId}::uuid AND charge_state = 'reserved') AS messages,
           (SELECT COALESCE(sum(reserved_amount), 0)::bigint FROM campaigns WHERE account_id = ${accountId}::uuid) AS campaigns`;
  return { account: Number(row.account), held: Number(row.messages) + Number(row.campaigns) };
}
