import { vi } from "vitest";
import { db } from "@/lib/db";
import { importContactNumbers } from "@/lib/contacts/import-contacts";
import { applyFinalReports } from "@/lib/messages/transitions/apply-final-reports";
import { failAndRefund } from "@/lib/messages/transitions/fail-and-refund";
import { markSent } from "@/lib/messages/transitions/mark-sent";

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
  const failed = messages.filter((_, index) => index % failEvery === 0);
  const delivered = messages.filter((_, index) => index % failEvery !== 0);
  await failAndRefund(failed.map((message) => ({ messageId: message.id, reason: "test failure", data: {} })), "worker");
  await markSent("test", delivered.map((message) => ({ messageId: message.id, providerMessageId: `test-${message.id}`, attempt: 1 })));
  await applyFinalReports(
    delivered.map((message) => ({
      provider: "test",
      providerMessageId: `test-${message.id}`,
      description: "DeliveredToTerminal",
      status: "delivered" as const,
      occurredAt: null,
      receivedAt: new Date(),
      payload: {},
    })),
  );
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
