"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getAccountSummary } from "@/lib/accounts/get-account";
import { requireUser } from "@/lib/auth/session";
import { createCampaign, previewCampaignCost } from "@/lib/campaigns/create-campaign";
import { localTimeToUtc } from "@/lib/campaigns/local-time";
import { createCampaignInput } from "@/lib/campaigns/schemas";
import { cancelCampaign } from "@/lib/campaigns/schedule-campaigns";
import { listContacts } from "@/lib/contacts/manage-contact-lists";
import { domainFailure, formValues, validationFailed, type FormState } from "@/lib/form-state";

export interface CampaignEstimateView {
  recipients: number;
  optedOut: number;
  segments: number;
  encoding: string;
  cost: number;
}

/** The wizard's review step: recipients and cost for the chosen list and message. */
export async function estimateCampaignAction(_previous: FormState<CampaignEstimateView>, formData: FormData): Promise<FormState<CampaignEstimateView>> {
  const user = await requireUser();
  const values = formValues(formData);
  try {
    const estimate = await previewCampaignCost(user.accountId, values.contactListId ?? "", values.body ?? "");
    return { status: "success", data: { recipients: estimate.recipients, optedOut: estimate.optedOut, segments: estimate.segments, encoding: estimate.encoding, cost: estimate.cost }, values };
  } catch (error) {
    return domainFailure(error, values);
  }
}

/** First valid contacts of a list, for the live preview of a personalised message. */
export async function sampleContactsAction(listId: string) {
  const user = await requireUser();
  const page = await listContacts(user.accountId, listId, { status: "valid", limit: 3 });
  return page.data.map((contact) => ({ phone: contact.phone ?? contact.rawPhone, fields: contact.fields }));
}

export async function createCampaignAction(_previous: FormState<CampaignEstimateView>, formData: FormData): Promise<FormState<CampaignEstimateView>> {
  const user = await requireUser();
  const values = formValues(formData);
  const account = await getAccountSummary(user.accountId);
  let sendAt: Date | undefined;
  if (values.when === "later") {
    const parsedTime = localTimeToUtc(values.sendAtLocal ?? "", account.timezone);
    if (!parsedTime) return { status: "error", message: "Choose when to send.", fieldErrors: { sendAtLocal: ["Choose a date and time"] }, values };
    sendAt = parsedTime;
  }
  const parsed = createCampaignInput.safeParse({ name: values.name, from: values.from, body: values.body, contactListId: values.contactListId, sendAt });
  if (!parsed.success) return validationFailed(parsed.error, values);
  let campaignId: string;
  try {
    campaignId = (await createCampaign(user.accountId, parsed.data)).campaignId;
  } catch (error) {
    return domainFailure(error, values);
  }
  revalidatePath("/campaigns");
  redirect(`/campaigns/${campaignId}`);
}

export async function cancelCampaignAction(formData: FormData): Promise<void> {
  const user = await requireUser();
  const campaignId = String(formData.get("campaignId"));
  await cancelCampaign(user.accountId, campaignId);
  revalidatePath(`/campaigns/${campaignId}`);
}
