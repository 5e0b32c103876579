"use server";

import { revalidatePath } from "next/cache";
import { sessionAction } from "@/lib/auth/session-action";
import { domainFailure } from "@/lib/form-state";
import { AppError } from "@/lib/http/errors";
import { replyInConversation } from "@/lib/inbox/conversations";
import { conversationPath, conversationReplyInput } from "@/lib/inbox/schemas";

/** A reply typed in a conversation: an ordinary message from the number the phone wrote to. */
export const replyAction = sessionAction(async ({ user, formData, values }) => {
  const input = conversationReplyInput.parse({ phone: formData.get("phone"), body: formData.get("body") });
  try {
    const sent = await replyInConversation(user.accountId, input.phone, input.body);
    revalidatePath(conversationPath(input.phone));
    revalidatePath("/inbox");
    return { status: "success", message: `Reply accepted for sending to ${sent.to}.` };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const failure = domainFailure(error, values);
    // A refusal about the recipient (opted out, unsupported network) concerns the conversation, not a field on this form.
    return { ...failure, fieldErrors: failure.fieldErrors?.body ? { body: failure.fieldErrors.body } : undefined };
  }
}, { role: "member" });
