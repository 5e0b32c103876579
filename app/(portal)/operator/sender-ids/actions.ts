"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireOperator } from "@/lib/auth/session";
import { domainFailure, formValues, validationFailed, type FormState } from "@/lib/form-state";
import { decideSenderId } from "@/lib/sender-ids/decide-sender-id";
import { decideSenderIdFields, hasReasonIfRejected, REJECTION_REASON_REQUIRED } from "@/lib/sender-ids/schemas";

const decisionForm = decideSenderIdFields
  .extend({ id: z.uuid("Unknown sender ID") })
  .refine(hasReasonIfRejected, { path: ["reason"], message: REJECTION_REASON_REQUIRED });

export async function decideSenderIdAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const operator = await requireOperator();
  const values = formValues(formData);
  const reason = formData.get("reason");
  const parsed = decisionForm.safeParse({
    id: formData.get("id"),
    decision: formData.get("decision"),
    reason: typeof reason === "string" && reason.trim() !== "" ? reason : undefined,
  });
  if (!parsed.success) return validationFailed(parsed.error, values);
  try {
    const decided = await decideSenderId(parsed.data.id, parsed.data.decision, operator.id, parsed.data.reason);
    revalidatePath("/operator/sender-ids");
    return { status: "success", message: `${decided.value} ${decided.status}.` };
  } catch (error) {
    return domainFailure(error, values);
  }
}
