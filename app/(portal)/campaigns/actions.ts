"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getAccountSummary } from "@/lib/accounts/get-account";
import { sessionAction, sessionCall } from "@/lib/auth/session-action";
import { createCampaign, previewCampaignCost } from "@/lib/campaigns/create-campaign";
import { localTimeToUtc } from "@/lib/campaigns/local-time";
import { createCampaignInput, optionalFormCount } from "@/lib/campaigns/schemas";
import { cancelCampaign } from "@/lib/campaigns/schedule-campaigns";
import type { CampaignEstimateView } from "@/lib/campaigns/estimate-campaign-cost";
import { listContacts } from "@/lib/contacts/list-contacts";
import { uuidParam } from "@/lib/http/params";

export interface ContactSample {
  phone: string;
  fields: Record<string, string>;
}

const estimateInput = createCampaignInput.pick({ contactListId: true, body: true, maxMessages: true });

/** The wizard's review step: recipients and cost for the chosen list and message. */
export const estimateCampaignAction = sessionAction<CampaignEstimateView>(async ({ user, formData, values }) => {
  const input = estimateInput.parse({ contactListId: formData.get("contactListId"), body: formData.get("body"), maxMessages: optionalFormCount(formData.get("maxMessages")) });
  const estimate = await previewCampaignCost(user.accountId, input.contactListId, input.body, input.maxMessages ?? null);
  return { status: "success", data: { recipients: estimate.recipients, optedOut: estimate.optedOut, segments: estimate.segments, encoding: estimate.encoding, cost: estimate.cost }, values };
}, { role: "member" });

/** First valid contacts of a list, for the live preview of a personalised message. */
export const sampleContactsAction = sessionCall(z.unknown(), async (user, listId): Promise<ContactSample[]> => {
  const page = await listContacts(user.accountId, uuidParam(listId, "Contact list"), { status: "valid", limit: 3 });
  return page.data.map((contact) => ({ phone: contact.phone ?? contact.rawPhone, fields: contact.fields }));
}, { role: "member" });

export const createCampaignAction = sessionAction<CampaignEstimateView>(async ({ user, values }) => {
  let sendAt: Date | undefined;
  if (values.when === "later") {
    const account = await getAccountSummary(user.accountId);
    const parsedTime = localTimeToUtc(values.sendAtLocal ?? "", account.timezone);
    if (!parsedTime) return { status: "error", message: "Choose when to send.", fieldErrors: { sendAtLocal: ["Choose a date and time"] }, values };
    sendAt = parsedTime;
  }
  const input = createCampaignInput.parse({
    name: values.name,
    from: values.from,
    body: values.body,
    contactListId: values.contactListId,
    sendAt,
    class: values.class || undefined,
    maxMessages: optionalFormCount(values.maxMessages),
    sendRatePerMinute: optionalFormCount(values.sendRatePerMinute),
  });
  const { campaignId } = await createCampaign(user.accountId, input);
  revalidatePath("/campaigns");
  redirect(`/campaigns/${campaignId}`);
}, { role: "member" });

export const cancelCampaignAction = sessionAction(async ({ user, id }) => {
  const campaignId = id("campaignId", "Campaign");
  await cancelCampaign(user.accountId, campaignId);
  revalidatePath(`/campaigns/${campaignId}`);
  return { status: "success", message: "Campaign cancelled; its reservation was refunded." };
}, { role: "member" });
