"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireOperator } from "@/lib/auth/session";
import { domainFailure, formValues, validationFailed, type FormState } from "@/lib/form-state";
import { assignInboundNumber, describeNumber, releaseInboundNumber } from "@/lib/inbound-numbers/manage-numbers";
import { assignInboundNumberInput } from "@/lib/inbound-numbers/schemas";

export async function assignNumberAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const operator = await requireOperator();
  const values = formValues(formData);
  const keyword = formData.get("keyword");
  const parsed = assignInboundNumberInput.safeParse({
    accountId: formData.get("accountId"),
    number: formData.get("number"),
    keyword: typeof keyword === "string" && keyword.trim() !== "" ? keyword : undefined,
    zeroRated: formData.get("zeroRated") === "on",
  });
  if (!parsed.success) return validationFailed(parsed.error, values);
  try {
    const assigned = await assignInboundNumber(parsed.data, operator.email);
    revalidatePath("/operator/numbers");
    return { status: "success", message: `${describeNumber(assigned.number, assigned.keyword)} assigned.` };
  } catch (error) {
    return domainFailure(error, values);
  }
}

export async function releaseNumberAction(_previous: FormState, formData: FormData): Promise<FormState> {
  await requireOperator();
  const id = z.uuid().safeParse(formData.get("id"));
  if (!id.success) return { status: "error", message: "That number is no longer assigned." };
  try {
    const released = await releaseInboundNumber({ id: id.data });
    revalidatePath("/operator/numbers");
    return { status: "success", message: `${describeNumber(released.number, released.keyword)} released from ${released.account.name}.` };
  } catch (error) {
    return domainFailure(error, {});
  }
}
