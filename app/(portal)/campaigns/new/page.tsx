import type { Metadata } from "next";
import { createCampaignAction, estimateCampaignAction, sampleContactsAction } from "@/app/(portal)/campaigns/actions";
import { CampaignWizard } from "@/components/campaigns/campaign-wizard";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getAccountSummary } from "@/lib/accounts/get-account";
import { requireUser } from "@/lib/auth/session";
import { utcToLocalInput } from "@/lib/campaigns/local-time";
import { listContactLists } from "@/lib/contacts/get-contact-lists";
import { listSenderIds } from "@/lib/sender-ids/get-sender-ids";

export const metadata: Metadata = { title: "New campaign" };

/** The schedule field's starting value; rendered per request, never cached. */
function anHourFromNow(): Date {
  return new Date(Date.now() + 3_600_000);
}

export default async function NewCampaignPage({ searchParams }: { searchParams: Promise<{ list?: string }> }) {
  const user = await requireUser();
  const [{ list }, account, lists, senderIds] = await Promise.all([
    searchParams,
    getAccountSummary(user.accountId),
    listContactLists(user.accountId, { status: "ready", limit: 100 }),
    listSenderIds(user.accountId),
  ]);
  const usable = lists.filter((candidate) => candidate.validCount > 0);
  return (
    <>
      <PageHeader title="New campaign" description="Everything is checked and priced before any message is sent." />
      <Card>
        <CardBody>
          <CampaignWizard
            lists={usable.map((candidate) => ({ id: candidate.id, name: candidate.name, validCount: candidate.validCount, fields: candidate.fields }))}
            senderIds={senderIds.filter((sender) => sender.status === "approved").map((sender) => sender.value)}
            timezone={account.timezone}
            initialListId={usable.some((candidate) => candidate.id === list) ? list : undefined}
            defaultSendAt={utcToLocalInput(anHourFromNow(), account.timezone)}
            actions={{ estimate: estimateCampaignAction, create: createCampaignAction, sampleContacts: sampleContactsAction }}
          />
        </CardBody>
      </Card>
    </>
  );
}
