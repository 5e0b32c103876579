"use server";

import { revalidatePath } from "next/cache";
import { sessionAction, sessionCall } from "@/lib/auth/session-action";
import { previewMessage } from "@/lib/messages/prepare-message";
import { previewMessageInput } from "@/lib/messages/schemas";
import { sendFormInput } from "@/lib/messages/send-form-schema";
import { acceptMessage } from "@/lib/messages/accept-message";

/** The live preview: the same checks and price as a send, nothing reserved or sent. */
export const previewMessageAction = sessionCall(previewMessageInput, (user, draft) => previewMessage(user.accountId, draft), { role: "member" });

// Content rejections come back with one detail per broken rule, all shown under the body field.
export const sendMessageAction = sessionAction<{ messageId: string }>(async ({ user, formData }) => {
  const input = sendFormInput.parse({
    to: formData.get("to"),
    from: formData.get("from"),
    body: formData.get("body"),
    priority: formData.get("priority") || undefined,
    class: formData.get("class") || undefined,
  });
  const sent = await acceptMessage({ accountId: user.accountId }, input);
  revalidatePath("/messages");
  return { status: "success", message: `Message accepted for sending to ${sent.to}.`, data: { messageId: sent.messageId } };
}, { role: "member" });
