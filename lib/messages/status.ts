import type { MessageStatus } from "@/lib/generated/prisma/enums";

export type { MessageStatus };

/** Statuses only move forward; SQL uses the same order through message_status_rank(). */
export const STATUS_RANK: Record<MessageStatus, number> = {
  submitted: 0,
  queued: 1,
  sent: 2,
  delivered: 3,
  failed: 3,
  expired: 3,
  undeliverable: 3,
  rejected: 3,
};

export const FINAL_STATUSES: readonly MessageStatus[] = ["delivered", "failed", "expired", "undeliverable", "rejected"];

/** Internal states that emit no customer event. */
export const INTERNAL_STATUSES: readonly MessageStatus[] = ["queued"];

export function isFinal(status: MessageStatus): boolean {
  return STATUS_RANK[status] === 3;
}

export function canTransition(from: MessageStatus, to: MessageStatus): boolean {
  return STATUS_RANK[to] > STATUS_RANK[from];
}
