import type { MessageStatus } from "@/lib/generated/prisma/enums";

export type { MessageStatus };

// The forward-only order of statuses lives in SQL only (message_status_rank(), used by every
// statement in lib/messages/transitions/), so there is one definition to keep right.

/** Internal states that emit no customer event. */
export const INTERNAL_STATUSES: readonly MessageStatus[] = ["queued"];
