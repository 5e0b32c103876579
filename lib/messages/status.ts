import type { MessageStatus } from "@/lib/generated/prisma/enums";

export type { MessageStatus };

// The forward-only order of statuses lives in SQL only (message_status_rank(), used by every
// statement in lib/messages/transitions/), so there is one definition to keep right.

/** Internal states that emit no customer event. */
export const INTERNAL_STATUSES: readonly MessageStatus[] = ["queued"];

/** Statuses a message never leaves. */
export const FINAL_STATUSES: readonly MessageStatus[] = ["delivered", "failed", "expired", "undeliverable", "rejected"];

/** What each status means to a customer, for labels, filters and exports. */
export const MESSAGE_STATUS_LABELS: Record<MessageStatus, { label: string; description: string }> = {
  submitted: { label: "Submitted", description: "Accepted by Sema Link, waiting to be sent" },
  queued: { label: "Queued", description: "Waiting for its turn at the network" },
  sent: { label: "Sent", description: "Handed to the network, waiting for the delivery report" },
  delivered: { label: "Delivered", description: "The handset received it" },
  failed: { label: "Failed", description: "The network could not deliver it" },
  expired: { label: "Expired", description: "No delivery report arrived in time" },
  undeliverable: { label: "Undeliverable", description: "The number cannot receive messages" },
  rejected: { label: "Rejected", description: "Refused before sending (content, opt-out or credit)" },
};

/** The customer-facing name of a status; unknown words are capitalised. */
export function messageStatusLabel(status: string): string {
  return MESSAGE_STATUS_LABELS[status as MessageStatus]?.label ?? status.charAt(0).toUpperCase() + status.slice(1);
}

export function isFinalStatus(status: string): boolean {
  return FINAL_STATUSES.includes(status as MessageStatus);
}
