"use server";

import { revalidatePath } from "next/cache";
import { sessionAction } from "@/lib/auth/session-action";
import { requestSenderId } from "@/lib/sender-ids/request-sender-id";
import { requestSenderIdInput } from "@/lib/sender-ids/schemas";

export const requestSenderIdAction = sessionAction(async ({ user, formData }) => {
  const purpose = formData.get("purpose");
  const input = requestSenderIdInput.parse({
    value: formData.get("value"),
    purpose: typeof purpose === "string" && purpose.trim() !== "" ? purpose : undefined,
  });
  const created = await requestSenderId(user.accountId, input);
  revalidatePath("/sender-ids");
  revalidatePath("/operator/sender-ids");
  return { status: "success", message: `Requested “${created.value}”. An operator will review it; you can send with it once it is approved.` };
});
