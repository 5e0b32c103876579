"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { domainFailure, formValues, validationFailed, type FormState } from "@/lib/form-state";
import { requestSenderId } from "@/lib/sender-ids/request-sender-id";
import { requestSenderIdInput } from "@/lib/sender-ids/schemas";

export async function requestSenderIdAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const values = formValues(formData);
  const purpose = formData.get("purpose");
  const parsed = requestSenderIdInput.safeParse({
    value: formData.get("value"),
    purpose: typeof purpose === "string" && purpose.trim() !== "" ? purpose : undefined,
  });
  if (!parsed.success) return validationFailed(parsed.error, values);
  try {
    const created = await requestSenderId(user.accountId, parsed.data);
    revalidatePath("/sender-ids");
    revalidatePath("/operator/sender-ids");
    return { status: "success", message: `Requested “${created.value}”. An operator will review it; you can send with it once it is approved.` };
  } catch (error) {
    return domainFailure(error, values);
  }
}
