import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cancelCampaignAction } from "@/app/(portal)/campaigns/actions";
import { formatMoney } from "@/components/campaigns/format";
import { AutoRefresh } from "@/components/contacts/auto-refresh";
import { ProgressBar } from "@/components/contacts/progress-bar";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader, StatCard } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/session";
import { getCampaign, listCampaignMessages } from "@/lib/campaigns/get-campaigns";
import { listCampaignMessagesQuery } from "@/lib/campaigns/schemas";
import { AppError } from "@/lib/http/errors";
import { maskPhone } from "@/lib/phone/mask";

export const metadata: Metadata = { title: "Campaign" };

const UUID = /^[0-9a-f-]{36}$/i;
const FILTERS = ["all", "submitted", "queued", "sent", "delivered", "failed", "expired", "undeliverable", "rejected"] as const;

export default async function CampaignPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ status?: string; cursor?: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const search = await searchParams;
  const campaign = await getCampaign(user.accountId, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const query = listCampaignMessagesQuery.safeParse({ status: search.status === "all" ? undefined : search.status, cursor: search.cursor, limit: 50 });
  const messages = await listCampaignMessages(user.accountId, id, query.success ? query.data : { limit: 50 });
  const { progress } = campaign;
  const live = campaign.status === "pending_content_check" || campaign.status === "queued";
  return (
    <>
      <PageHeader
        title={campaign.name}
        description={`From ${campaign.from} to “${campaign.contactList?.name ?? "deleted list"}” · ${campaign.class} · ${campaign.sendAt ? `scheduled for ${campaign.sendAt.toLocaleString("en-GB")}` : "sent immediately"}`}
        actions={
          campaign.status === "scheduled" ? (
            <ActionForm action={cancelCampaignAction} fields={{ campaignId: campaign.id }}>
              <Button type="submit" variant="danger">Cancel campaign</Button>
            </ActionForm>
          ) : null
        }
      />
      <AutoRefresh active={live} intervalMs={2_000} />
      {campaign.status === "rejected" ? <Alert tone="error" title="Rejected">{campaign.statusReason}. Your reservation was refunded in full.</Alert> : null}
      <div className="my-6 grid gap-4 sm:grid-cols-4">
        <StatCard label="Status" value={<span data-testid="campaign-status"><StatusBadge status={campaign.status} /></span>} />
        <StatCard label="Messages" value={campaign.messageCount.toLocaleString()} hint={`${campaign.recipientCount.toLocaleString()} recipients estimated${campaign.optedOutCount > 0 ? ` · ${campaign.optedOutCount.toLocaleString()} opted out, skipped` : ""}`} />
        <StatCard label="Spent" value={formatMoney(progress.spent)} hint={`estimate ${formatMoney(campaign.estimatedCost)}`} />
        <StatCard label="Reserved" value={formatMoney(progress.reserved)} hint={progress.refunded > 0 ? `${formatMoney(progress.refunded)} refunded` : undefined} />
      </div>
      {campaign.messageCount > 0 ? (
        <Card className="mb-6">
          <CardBody className="space-y-3">
            <ProgressBar value={progress.ratio} label="Finished messages" />
            <dl className="grid grid-cols-4 gap-2 text-sm sm:grid-cols-8">
              {(["submitted", "queued", "sent", "delivered", "failed", "expired", "undeliverable", "rejected"] as const).map((status) => (
                <div key={status}>
                  <dt className="text-slate-500">{status}</dt>
                  <dd className="font-semibold" data-testid={`count-${status}`}>{progress[status].toLocaleString()}</dd>
                </div>
              ))}
            </dl>
          </CardBody>
        </Card>
      ) : null}
      <Card>
        <CardHeader title="Messages" />
        <nav className="flex flex-wrap gap-2 px-4 pb-3 text-sm" aria-label="Filter messages by status">
          {FILTERS.map((filter) => (
            <Link key={filter} href={`/campaigns/${campaign.id}?status=${filter}`} className={(search.status ?? "all") === filter ? "font-semibold text-slate-900 underline" : "text-slate-600 hover:underline"}>
              {filter}
            </Link>
          ))}
        </nav>
        {messages.data.length === 0 ? (
          <EmptyState title="No messages" description={campaign.status === "scheduled" ? "Messages are created when the campaign is sent." : "Nothing matches this filter."} />
        ) : (
          <Table>
            <THead>
              <TR>
                <TH>To</TH>
                <TH>Status</TH>
                <TH>Segments</TH>
                <TH>Cost</TH>
                <TH>Updated</TH>
              </TR>
            </THead>
            <TBody>
              {messages.data.map((message) => (
                <TR key={message.id}>
                  <TD className="font-mono">
                    <Link href={`/messages/${message.id}`} className="hover:underline">{maskPhone(message.to)}</Link>
                  </TD>
                  <TD><StatusBadge status={message.status} /></TD>
                  <TD>{message.segments}</TD>
                  <TD>{formatMoney(message.cost)}</TD>
                  <TD>{message.updatedAt.toLocaleString("en-GB")}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
        {messages.nextCursor ? (
          <div className="p-4 text-sm">
            <Link href={`/campaigns/${campaign.id}?status=${search.status ?? "all"}&cursor=${messages.nextCursor}`} className="hover:underline">Next page →</Link>
          </div>
        ) : null}
      </Card>
    </>
  );
}
