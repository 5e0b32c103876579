"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { domainFailure, formValues, validationFailed, type FormState } from "@/lib/form-state";
import { AppError } from "@/lib/http/errors";
import { updateInboundNumber } from "@/lib/inbound-numbers/manage-numbers";
import { createKeyword, deleteKeyword, updateKeyword } from "@/lib/keywords/manage-keywords";
import { createKeywordInput, updateKeywordInput } from "@/lib/keywords/schemas";

const id = z.uuid();

/** Domain refusals name their field in a list (validation) or as `field`: both become inline errors. */
function keywordFailure(error: unknown, values: Record<string, string>): FormState {
  if (error instanceof AppError && Array.isArray(error.details)) {
    const fieldErrors: Record<string, string[]> = {};
    for (const detail of error.details as { field?: string; message?: string }[]) {
      if (detail.field && detail.message) fieldErrors[detail.field] = [detail.message];
    }
    return { status: "error", message: "Check the highlighted fields.", fieldErrors, values };
  }
  return domainFailure(error, values);
}

function keywordFields(formData: FormData) {
  return { keyword: formData.get("keyword") ?? undefined, action: formData.get("action") ?? undefined, reply: formData.get("reply") ?? undefined, number: formData.get("number") ?? undefined };
}

export async function createKeywordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const values = formValues(formData);
  const parsed = createKeywordInput.safeParse(keywordFields(formData));
  if (!parsed.success) return validationFailed(parsed.error, values);
  try {
    const created = await createKeyword(user.accountId, parsed.data);
    revalidatePath("/keywords");
    return { status: "success", message: `Keyword ${created.keyword} saved.` };
  } catch (error) {
    return keywordFailure(error, values);
  }
}

export async function updateKeywordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const values = formValues(formData);
  const keywordId = id.safeParse(formData.get("id"));
  if (!keywordId.success) return { status: "error", message: "That keyword no longer exists." };
  const parsed = updateKeywordInput.safeParse({ action: formData.get("action") ?? undefined, reply: formData.get("reply") ?? undefined });
  if (!parsed.success) return validationFailed(parsed.error, values);
  try {
    const updated = await updateKeyword(user.accountId, keywordId.data, parsed.data);
    revalidatePath("/keywords");
    return { status: "success", message: `Keyword ${updated.keyword} updated.` };
  } catch (error) {
    return keywordFailure(error, values);
  }
}

export async function deleteKeywordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const keywordId = id.safeParse(formData.get("id"));
  if (!keywordId.success) return { status: "error", message: "That keyword no longer exists." };
  try {
    await deleteKeyword(user.accountId, keywordId.data);
    revalidatePath("/keywords");
    return { status: "success", message: "Keyword deleted." };
  } catch (error) {
    return domainFailure(error, {});
  }
}

export async function setConfirmationsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const numberId = id.safeParse(formData.get("id"));
  if (!numberId.success) return { status: "error", message: "That number is no longer yours." };
  try {
    const updated = await updateInboundNumber(user.accountId, numberId.data, { sendConfirmations: formData.get("sendConfirmations") === "true" });
    revalidatePath("/keywords");
    return { status: "success", message: `${updated.number}: STOP/START confirmations ${updated.sendConfirmations ? "on" : "off"}.` };
  } catch (error) {
    return domainFailure(error, {});
  }
}
