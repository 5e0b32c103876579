"use server";

import { revalidatePath } from "next/cache";
import { sessionAction } from "@/lib/auth/session-action";
import { discardDeadLetterMessages } from "@/lib/dead-letters/discard-dead-letters";
import { replayDeadLetterMessages } from "@/lib/dead-letters/replay-dead-letters";
import { deadLetterActionInput } from "@/lib/dead-letters/schemas";

/** Replay (back into sending) or discard (fail and refund) the oldest matching dead letters. */
export const actOnDeadLettersAction = sessionAction(
  async ({ values }) => {
    const optional = (name: string) => (values[name]?.trim() ? values[name] : undefined);
    const input = deadLetterActionInput.parse({ provider: optional("provider"), olderThan: optional("olderThan"), limit: optional("limit") });
    if (values.intent === "discard") {
      if (values.confirmDiscard !== "yes") {
        return { status: "error", message: "Tick the box to confirm: discarded messages fail and their credit is refunded.", values };
      }
      const { discarded } = await discardDeadLetterMessages(input);
      revalidatePath("/operator/dead-letters");
      return { status: "success", message: `Discarded ${discarded} message${discarded === 1 ? "" : "s"}: failed and refunded.` };
    }
    const { replayed } = await replayDeadLetterMessages(input);
    revalidatePath("/operator/dead-letters");
    return { status: "success", message: `Replayed ${replayed} message${replayed === 1 ? "" : "s"}: back in the send queue.` };
  },
  { operator: true },
);
