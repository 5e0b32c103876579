import type { Transaction } from "@/lib/db";
import { createNotification, type NotificationInput } from "@/lib/notifications/create-notification";
import { emitAccountEvent } from "@/lib/webhooks/emit-account-event";

export interface AnnouncedEvent {
  type: string;
  data: Record<string, unknown>;
  campaignId?: string | null;
  callbackUrl?: string | null;
  callbackEvents?: readonly string[];
  customPayload?: unknown;
}

export interface Announcement {
  accountId: string;
  notification?: Omit<NotificationInput, "accountId">;
  event: AnnouncedEvent;
}

/**
 * Tells a customer about an account-level change in the transaction that made it: a portal
 * notification and the webhook event, so neither exists without the change.
 */
export async function announce(tx: Transaction, announcement: Announcement): Promise<void> {
  if (announcement.notification) {
    await createNotification(tx, { accountId: announcement.accountId, ...announcement.notification });
  }
  const { event } = announcement;
  await emitAccountEvent(tx, {
    accountId: announcement.accountId,
    type: event.type,
    payload: event.data,
    campaignId: event.campaignId,
    callbackUrl: event.callbackUrl,
    callbackEvents: event.callbackEvents,
    customPayload: event.customPayload,
  });
}
