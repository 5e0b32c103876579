import type { Metadata } from "next";
import Link from "next/link";
import { CampaignStatusBadge } from "@/components/campaigns/campaign-outcome";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { AutoRefresh } from "@/components/contacts/auto-refresh";
import { getAccountSummary } from "@/lib/accounts/get-account";
import { requireUser } from "@/lib/auth/session";
import { listCampaignOutcomes } from "@/lib/campaigns/campaign-outcomes";
import { listCampaigns } from "@/lib/campaigns/get-campaigns";
import { formatMoney } from "@/lib/format";
import { formatZonedDateTime } from "@/lib/format-zoned";

export const metadata: Metadata = { title: "Campaigns" };

export default async function CampaignsPage() {
  const user = await requireUser();
  const [campaigns, account] = await Promise.all([listCampaigns(user.accountId), getAccountSummary(user.accountId)]);
  const outcomes = await listCampaignOutcomes(
    user.accountId,
    campaigns.filter((campaign) => campaign.status === "completed").map((campaign) => campaign.id),
  );
  return (
    <>
      <PageHeader title="Campaigns" description="Bulk sends to a contact list, now or scheduled." actions={<ButtonLink href="/campaigns/new" variant="primary">New campaign</ButtonLink>} />
      <AutoRefresh active={campaigns.some((campaign) => campaign.status === "pending_content_check" || campaign.status === "queued")} intervalMs={3_000} />
      <Card>
        {campaigns.length === 0 ? (
          <EmptyState title="No campaigns yet" description="Pick a validated contact list, write your message and send now or later." action={<ButtonLink href="/campaigns/new">New campaign</ButtonLink>} />
        ) : (
          <Table>
            <THead>
              <TR>
                <TH>Name</TH>
                <TH>Status</TH>
                <TH>List</TH>
                <TH>Recipients</TH>
                <TH>Estimated cost</TH>
                <TH>Send at</TH>
              </TR>
            </THead>
            <TBody>
              {campaigns.map((campaign) => {
                const outcome = outcomes.get(campaign.id);
                return (
                  <TR key={campaign.id}>
                    <TD>
                      <Link href={`/campaigns/${campaign.id}`} className="font-medium text-slate-900 hover:underline">
                        {campaign.name}
                      </Link>
                    </TD>
                    <TD>
                      <CampaignStatusBadge status={campaign.status} delivered={outcome?.anyDelivered ? 1 : 0} failed={outcome?.anyFailed ? 1 : 0} />
                    </TD>
                    <TD>{campaign.contactList?.name ?? "—"}</TD>
                    <TD>{campaign.recipientCount.toLocaleString()}</TD>
                    <TD className="whitespace-nowrap">{formatMoney(campaign.estimatedCost)}</TD>
                    <TD className="whitespace-nowrap">{campaign.sendAt ? formatZonedDateTime(campaign.sendAt, account.timezone) : "Immediately"}</TD>
                  </TR>
                );
              })}
            </TBody>
          </Table>
        )}
      </Card>
    </>
  );
}
