"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { domainFailure, formValues, validationFailed, type FormState } from "@/lib/form-state";
import { AppError } from "@/lib/http/errors";
import { type MessageEvaluation } from "@/lib/messages/evaluate-message";
import { previewMessage } from "@/lib/messages/prepare-message";
import { previewMessageInput, sendMessageInput } from "@/lib/messages/schemas";
import { acceptMessage } from "@/lib/messages/accept-message";

/** The live preview: the same checks and price as a send, nothing reserved or sent. */
export async function previewMessageAction(draft: { to: string; from: string; body: string }): Promise<MessageEvaluation | null> {
  const user = await requireUser();
  const parsed = previewMessageInput.safeParse(draft);
  if (!parsed.success) return null;
  return previewMessage(user.accountId, parsed.data);
}

export async function sendMessageAction(_previous: FormState<{ messageId: string }>, formData: FormData): Promise<FormState<{ messageId: string }>> {
  const user = await requireUser();
  const values = formValues(formData);
  const parsed = sendMessageInput.safeParse({
    to: formData.get("to"),
    from: formData.get("from"),
    body: formData.get("body"),
    priority: formData.get("priority") || undefined,
  });
  if (!parsed.success) return validationFailed(parsed.error, values);
  try {
    const sent = await acceptMessage({ accountId: user.accountId }, parsed.data);
    revalidatePath("/messages");
    return { status: "success", message: `Message accepted for sending to ${sent.to}.`, data: { messageId: sent.messageId } };
  } catch (error) {
    // Content rejections list every rule the body broke, under the body field.
    if (error instanceof AppError && error.code === "content_rejected") {
      const violations = (error.details as { violations?: { message: string }[] } | undefined)?.violations ?? [];
      return { status: "error", message: error.message, fieldErrors: { body: violations.map((violation) => violation.message) }, values };
    }
    return domainFailure(error, values);
  }
}
