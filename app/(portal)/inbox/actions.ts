"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { domainFailure, formValues, validationFailed, type FormState } from "@/lib/form-state";
import { replyInConversation } from "@/lib/inbox/conversations";
import { conversationPath, conversationReplyInput } from "@/lib/inbox/schemas";

/** A reply typed in a conversation: an ordinary message from the number the phone wrote to. */
export async function replyAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const values = formValues(formData);
  const parsed = conversationReplyInput.safeParse({ phone: formData.get("phone"), body: formData.get("body") });
  if (!parsed.success) return validationFailed(parsed.error, values);
  try {
    const sent = await replyInConversation(user.accountId, parsed.data.phone, parsed.data.body);
    revalidatePath(conversationPath(parsed.data.phone));
    revalidatePath("/inbox");
    return { status: "success", message: `Reply accepted for sending to ${sent.to}.` };
  } catch (error) {
    const failure = domainFailure(error, values);
    // A refusal about the recipient (opted out, unsupported network) concerns the conversation, not a field on this form.
    return { ...failure, fieldErrors: failure.fieldErrors?.body ? { body: failure.fieldErrors.body } : undefined };
  }
}
