import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { AutoRefresh } from "@/components/contacts/auto-refresh";
import { formatMoney } from "@/components/campaigns/format";
import { requireUser } from "@/lib/auth/session";
import { listCampaigns } from "@/lib/campaigns/get-campaigns";

export const metadata: Metadata = { title: "Campaigns" };

export default async function CampaignsPage() {
  const user = await requireUser();
  const campaigns = await listCampaigns(user.accountId);
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
              {campaigns.map((campaign) => (
                <TR key={campaign.id}>
                  <TD>
                    <Link href={`/campaigns/${campaign.id}`} className="font-medium text-slate-900 hover:underline">
                      {campaign.name}
                    </Link>
                  </TD>
                  <TD>
                    <StatusBadge status={campaign.status} />
                  </TD>
                  <TD>{campaign.contactList?.name ?? "—"}</TD>
                  <TD>{campaign.recipientCount.toLocaleString()}</TD>
                  <TD>{formatMoney(campaign.estimatedCost)}</TD>
                  <TD>{campaign.sendAt ? campaign.sendAt.toLocaleString("en-GB") : "Immediately"}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </Card>
    </>
  );
}
