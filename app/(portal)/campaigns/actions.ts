"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getAccountSummary } from "@/lib/accounts/get-account";
import { sessionAction, sessionCall } from "@/lib/auth/session-action";
import { createReviewedCampaign, reviewCampaignEstimate, type ReviewedEstimateView } from "@/lib/campaigns/create-reviewed-campaign";
import { localTimeToUtc } from "@/lib/campaigns/local-time";
import { retryFailedMessages } from "@/lib/campaigns/retry-failed-messages";
import { scheduleProblem } from "@/lib/campaigns/schedule-time";
import { createCampaignInput, optionalFormCount } from "@/lib/campaigns/schemas";
import { cancelCampaign } from "@/lib/campaigns/schedule-campaigns";
import { listContacts } from "@/lib/contacts/list-contacts";
import type { FormState } from "@/lib/form-state";
import { uuidParam } from "@/lib/http/params";

export interface ContactSample {
  phone: string;
  fields: Record<string, string>;
}

const estimateInput = createCampaignInput.pick({ contactListId: true, body: true, maxMessages: true });
const confirmedEstimate = z.object({ reviewedRecipients: z.coerce.number().int().min(0), reviewedCost: z.coerce.number().int().min(0) });

/** The schedule the wizard sent, in the account's zone; a field error when it is missing or past. */
async function scheduledTime(accountId: string, values: Record<string, string>): Promise<{ sendAt?: Date; error?: FormState<ReviewedEstimateView> }> {
  if (values.when !== "later") return {};
  const account = await getAccountSummary(accountId);
  const problem = scheduleProblem(values.sendAtLocal ?? "", account.timezone, Date.now());
  if (problem) return { error: { status: "error", message: "Check the highlighted fields.", fieldErrors: { sendAtLocal: [problem] }, values } };
  return { sendAt: localTimeToUtc(values.sendAtLocal ?? "", account.timezone) ?? undefined };
}

/** The wizard's review step: recipients and cost for the chosen list and message. */
export const estimateCampaignAction = sessionAction<ReviewedEstimateView>(async ({ user, formData, values }) => {
  const schedule = await scheduledTime(user.accountId, values);
  if (schedule.error) return schedule.error;
  const input = estimateInput.parse({ contactListId: formData.get("contactListId"), body: formData.get("body"), maxMessages: optionalFormCount(formData.get("maxMessages")) });
  return { status: "success", data: await reviewCampaignEstimate(user.accountId, input, values.maxMessages ?? ""), values };
}, { role: "member" });

/** First valid contacts of a list, for the live preview of a personalised message. */
export const sampleContactsAction = sessionCall(z.unknown(), async (user, listId): Promise<ContactSample[]> => {
  const page = await listContacts(user.accountId, uuidParam(listId, "Contact list"), { status: "valid", limit: 3 });
  return page.data.map((contact) => ({ phone: contact.phone ?? contact.rawPhone, fields: contact.fields }));
}, { role: "member" });

/** The confirmation: creates exactly what was reviewed (re-priced; refused when it changed). */
export const createCampaignAction = sessionAction<ReviewedEstimateView>(async ({ user, values }) => {
  const schedule = await scheduledTime(user.accountId, values);
  if (schedule.error) return schedule.error;
  const confirmed = confirmedEstimate.parse(values);
  const input = createCampaignInput.parse({
    name: values.name,
    from: values.from,
    body: values.body,
    contactListId: values.contactListId,
    sendAt: schedule.sendAt,
    class: values.class || undefined,
    maxMessages: optionalFormCount(values.maxMessages),
    sendRatePerMinute: optionalFormCount(values.sendRatePerMinute),
  });
  const { campaignId } = await createReviewedCampaign(user.accountId, input, { recipients: confirmed.reviewedRecipients, cost: confirmed.reviewedCost });
  revalidatePath("/campaigns");
  redirect(`/campaigns/${campaignId}`);
}, { role: "member" });

export const cancelCampaignAction = sessionAction(async ({ user, id }) => {
  const campaignId = id("campaignId", "Campaign");
  await cancelCampaign(user.accountId, campaignId);
  revalidatePath(`/campaigns/${campaignId}`);
  return { status: "success", message: "Campaign cancelled; its reservation was refunded." };
}, { role: "member" });

export const retryFailedAction = sessionAction(async ({ user, id }) => {
  const campaignId = id("campaignId", "Campaign");
  const { messages } = await retryFailedMessages(user.accountId, campaignId);
  revalidatePath(`/campaigns/${campaignId}`);
  return { status: "success", message: messages === 1 ? "Retrying 1 failed message." : `Retrying ${messages} failed messages.` };
}, { role: "member" });
