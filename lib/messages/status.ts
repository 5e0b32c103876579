import type { MessageStatus } from "@/lib/generated/prisma/enums";

export type { MessageStatus };

/** Internal states that emit no customer event. */
export const INTERNAL_STATUSES: readonly MessageStatus[] = ["queued"];
