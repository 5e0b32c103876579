import type { MessageStatus } from "@/lib/messages/status";
import { INTERNAL_STATUSES } from "@/lib/messages/status";

export const MESSAGE_EVENT_TYPES = [
  "message.submitted",
  "message.sent",
  "message.delivered",
  "message.failed",
  "message.undeliverable",
  "message.expired",
  "message.rejected",
] as const;

export const ACCOUNT_EVENT_TYPES = [
  "campaign.created",
  "campaign.rejected",
  "campaign.scheduled",
  "campaign.queued",
  "campaign.completed",
  "campaign.cancelled",
  "contact_list.validated",
  "contact_list.validation_failed",
  "account.low_balance",
] as const;

/**
 * A mobile-originated message reached one of the account's numbers (lib/inbound). In the message
 * family, so `message.*` subscribers receive it; its envelope carries `data` (the inbound message).
 */
export const INBOUND_EVENT_TYPE = "message.inbound";
export const INBOUND_EVENT_TYPES = [INBOUND_EVENT_TYPE] as const;

/** Sent only by "send a test event"; it reaches the one endpoint it was sent to. */
export const TEST_EVENT_TYPE = "webhook.test";

export type MessageEventType = (typeof MESSAGE_EVENT_TYPES)[number];

/** Filters an endpoint may subscribe to: exact types, a family wildcard ("message.*") or "*". */
export const EVENT_FILTERS = ["*", "message.*", "campaign.*", "contact_list.*", ...MESSAGE_EVENT_TYPES, ...INBOUND_EVENT_TYPES, ...ACCOUNT_EVENT_TYPES] as const;

const NOT_DELIVERED: readonly string[] = ["failed", "undeliverable", "expired", "rejected"];
/** Not final yet: accepted, or on its way to the handset. */
const PENDING: readonly string[] = ["submitted", "sent"];

/** Names a callback selection may use for several statuses at once. */
export const CALLBACK_EVENT_GROUPS = ["not_delivered", "pending"] as const;

/** The customer event for a status transition, or null for internal states (queued). */
export function eventTypeForStatus(status: MessageStatus): MessageEventType | null {
  if (INTERNAL_STATUSES.includes(status)) return null;
  return `message.${status}` as MessageEventType;
}

/** Does an endpoint subscribed to `filters` receive `type`? */
export function endpointWants(filters: readonly string[], type: string): boolean {
  if (type === TEST_EVENT_TYPE) return false;
  const family = `${type.split(".")[0]}.*`;
  return filters.some((filter) => filter === "*" || filter === type || filter === family);
}

/**
 * Does a per-message/per-campaign callback with `selection` receive `type`? Empty = everything.
 * Selections may name statuses ("delivered"), event types ("message.delivered"), "not_delivered"
 * (every final outcome other than delivered) or "pending" (submitted and sent: not final yet).
 */
export function callbackWants(selection: readonly string[], type: string): boolean {
  if (selection.length === 0) return true;
  if (!type.startsWith("message.")) return selection.includes(type) || selection.includes("*");
  const status = type.slice("message.".length);
  return selection.some(
    (item) =>
      item === "*" ||
      item === type ||
      item === status ||
      (item === "not_delivered" && NOT_DELIVERED.includes(status)) ||
      (item === "pending" && PENDING.includes(status)),
  );
}
