"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { sessionAction } from "@/lib/auth/session-action";
import { decideSenderId } from "@/lib/sender-ids/decide-sender-id";
import { decideSenderIdFields, hasReasonIfRejected, REJECTION_REASON_REQUIRED } from "@/lib/sender-ids/schemas";

const decisionForm = decideSenderIdFields
  .extend({ id: z.uuid("Unknown sender ID") })
  .refine(hasReasonIfRejected, { path: ["reason"], message: REJECTION_REASON_REQUIRED });

export const decideSenderIdAction = sessionAction(
  async ({ user, formData }) => {
    const reason = formData.get("reason");
    const input = decisionForm.parse({
      id: formData.get("id"),
      decision: formData.get("decision"),
      reason: typeof reason === "string" && reason.trim() !== "" ? reason : undefined,
    });
    const decided = await decideSenderId(input.id, input.decision, user.id, input.reason);
    revalidatePath("/operator/sender-ids");
    return { status: "success", message: `${decided.value} ${decided.status}.` };
  },
  { operator: true },
);
