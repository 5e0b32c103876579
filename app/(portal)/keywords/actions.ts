"use server";

import { revalidatePath } from "next/cache";
import { sessionAction } from "@/lib/auth/session-action";
import { updateInboundNumber } from "@/lib/inbound-numbers/manage-numbers";
import { createKeyword, deleteKeyword, updateKeyword } from "@/lib/keywords/manage-keywords";
import { createKeywordInput, updateKeywordInput } from "@/lib/keywords/schemas";

function keywordFields(formData: FormData) {
  return { keyword: formData.get("keyword") ?? undefined, action: formData.get("action") ?? undefined, reply: formData.get("reply") ?? undefined, number: formData.get("number") ?? undefined };
}

export const createKeywordAction = sessionAction(async ({ user, formData }) => {
  const created = await createKeyword(user.accountId, createKeywordInput.parse(keywordFields(formData)));
  revalidatePath("/keywords");
  return { status: "success", message: `Keyword ${created.keyword} saved.` };
}, { role: "member" });

export const updateKeywordAction = sessionAction(async ({ user, formData, id }) => {
  const keywordId = id("id", "Keyword");
  const input = updateKeywordInput.parse({ action: formData.get("action") ?? undefined, reply: formData.get("reply") ?? undefined });
  const updated = await updateKeyword(user.accountId, keywordId, input);
  revalidatePath("/keywords");
  return { status: "success", message: `Keyword ${updated.keyword} updated.` };
}, { role: "member" });

export const deleteKeywordAction = sessionAction(async ({ user, id }) => {
  await deleteKeyword(user.accountId, id("id", "Keyword"));
  revalidatePath("/keywords");
  return { status: "success", message: "Keyword deleted." };
}, { role: "member" });

export const setConfirmationsAction = sessionAction(async ({ user, formData, id }) => {
  const updated = await updateInboundNumber(user.accountId, id("id", "Number"), { sendConfirmations: formData.get("sendConfirmations") === "true" });
  revalidatePath("/keywords");
  return { status: "success", message: `${updated.number}: STOP/START confirmations ${updated.sendConfirmations ? "on" : "off"}.` };
}, { role: "member" });
