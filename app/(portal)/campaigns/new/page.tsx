import type { Metadata } from "next";
import { createCampaignAction, estimateCampaignAction, sampleContactsAction } from "@/app/(portal)/campaigns/actions";
import { CampaignWizard, type CampaignDraft } from "@/components/campaigns/campaign-wizard";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getAccountSummary } from "@/lib/accounts/get-account";
import { requireUser } from "@/lib/auth/session";
import { getCampaign } from "@/lib/campaigns/get-campaigns";
import { utcToLocalInput } from "@/lib/campaigns/local-time";
import { listContactLists } from "@/lib/contacts/get-contact-lists";
import { AppError } from "@/lib/http/errors";
import { listSenderIds } from "@/lib/sender-ids/get-sender-ids";

export const metadata: Metadata = { title: "New campaign" };

const UUID = /^[0-9a-f-]{36}$/i;

/** The schedule field's starting value; rendered per request, never cached. */
function anHourFromNow(): Date {
  return new Date(Date.now() + 3_600_000);
}

/** Duplicate: the wizard starts from one of the account's campaigns (none when the id names none). */
async function draftFrom(accountId: string, campaignId: string | undefined): Promise<CampaignDraft | undefined> {
  if (!campaignId || !UUID.test(campaignId)) return undefined;
  const campaign = await getCampaign(accountId, campaignId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") return null;
    throw error;
  });
  if (!campaign) return undefined;
  return {
    name: `Copy of ${campaign.name}`.slice(0, 120),
    contactListId: campaign.contactListId ?? "",
    from: campaign.from,
    body: campaign.body,
    class: campaign.class,
    maxMessages: campaign.maxMessages === null ? "" : String(campaign.maxMessages),
    sendRatePerMinute: campaign.sendRatePerMinute === null ? "" : String(campaign.sendRatePerMinute),
  };
}

export default async function NewCampaignPage({ searchParams }: { searchParams: Promise<{ list?: string; from?: string }> }) {
  const user = await requireUser();
  const { list, from } = await searchParams;
  const [account, lists, senderIds, draft] = await Promise.all([
    getAccountSummary(user.accountId),
    listContactLists(user.accountId, { status: "ready", limit: 100 }),
    listSenderIds(user.accountId),
    draftFrom(user.accountId, from),
  ]);
  const usable = lists.filter((candidate) => candidate.validCount > 0);
  const initialListId = usable.find((candidate) => candidate.id === list)?.id ?? usable.find((candidate) => candidate.id === draft?.contactListId)?.id;
  return (
    <>
      <PageHeader
        title={draft ? "Duplicate campaign" : "New campaign"}
        description={draft ? "Every field is copied from the campaign; change what you need, then review the cost." : "Everything is checked and priced before any message is sent."}
      />
      <Card>
        <CardBody>
          <CampaignWizard
            lists={usable.map((candidate) => ({ id: candidate.id, name: candidate.name, validCount: candidate.validCount, fields: candidate.fields }))}
            senderIds={senderIds.filter((sender) => sender.status === "approved").map((sender) => sender.value)}
            timezone={account.timezone}
            initialListId={initialListId}
            defaultSendAt={utcToLocalInput(anHourFromNow(), account.timezone)}
            draft={draft}
            actions={{ estimate: estimateCampaignAction, create: createCampaignAction, sampleContacts: sampleContactsAction }}
          />
        </CardBody>
      </Card>
    </>
  );
}
