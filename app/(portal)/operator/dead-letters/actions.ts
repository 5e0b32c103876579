"use server";

import { revalidatePath } from "next/cache";
import { requireOperator } from "@/lib/auth/session";
import { discardDeadLetterMessages } from "@/lib/dead-letters/discard-dead-letters";
import { replayDeadLetterMessages } from "@/lib/dead-letters/replay-dead-letters";
import { deadLetterActionInput } from "@/lib/dead-letters/schemas";
import { formValues, validationFailed, type FormState } from "@/lib/form-state";

/** Replay (back into sending) or discard (fail and refund) the oldest matching dead letters. */
export async function actOnDeadLettersAction(_previous: FormState, formData: FormData): Promise<FormState> {
  await requireOperator();
  const values = formValues(formData);
  const optional = (name: string) => (values[name]?.trim() ? values[name] : undefined);
  const parsed = deadLetterActionInput.safeParse({ provider: optional("provider"), olderThan: optional("olderThan"), limit: optional("limit") });
  if (!parsed.success) return validationFailed(parsed.error, values);
  if (values.intent === "discard") {
    if (values.confirmDiscard !== "yes") {
      return { status: "error", message: "Tick the box to confirm: discarded messages fail and their credit is refunded.", values };
    }
    const { discarded } = await discardDeadLetterMessages(parsed.data);
    revalidatePath("/operator/dead-letters");
    return { status: "success", message: `Discarded ${discarded} message${discarded === 1 ? "" : "s"}: failed and refunded.` };
  }
  const { replayed } = await replayDeadLetterMessages(parsed.data);
  revalidatePath("/operator/dead-letters");
  return { status: "success", message: `Replayed ${replayed} message${replayed === 1 ? "" : "s"}: back in the send queue.` };
}
