import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cancelCampaignAction, retryFailedAction } from "@/app/(portal)/campaigns/actions";
import { CampaignOutcome, CampaignStatusBadge, groupCounts } from "@/components/campaigns/campaign-outcome";
import { CampaignMessagesTable, MessageTabs, messageTab, tabStatuses } from "@/components/campaigns/campaign-messages";
import { DeliveryChart } from "@/components/campaigns/delivery-chart";
import { AutoRefresh } from "@/components/contacts/auto-refresh";
import { ProgressBar } from "@/components/contacts/progress-bar";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader, StatCard } from "@/components/ui/card";
import { ConfirmActionForm } from "@/components/ui/confirm-action-form";
import { PageHeader } from "@/components/ui/page-header";
import Link from "next/link";
import { getAccountSummary } from "@/lib/accounts/get-account";
import { requireUser } from "@/lib/auth/session";
import { campaignDeliveryTimeline } from "@/lib/campaigns/delivery-timeline";
import { getCampaign, listCampaignMessages } from "@/lib/campaigns/get-campaigns";
import { countRetryableRecipients } from "@/lib/campaigns/retry-failed-messages";
import { formatMoney } from "@/lib/format";
import { formatZonedDateTime } from "@/lib/format-zoned";
import { AppError } from "@/lib/http/errors";

export const metadata: Metadata = { title: "Campaign" };

const UUID = /^[0-9a-f-]{36}$/i;
const STATUSES = ["submitted", "queued", "sent", "delivered", "failed", "expired", "undeliverable", "rejected"] as const;

function chartLabel(at: Date, unit: string, timeZone: string): string {
  const options: Intl.DateTimeFormatOptions = unit === "day" ? { day: "numeric", month: "short" } : { hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
  return new Intl.DateTimeFormat("en-GB", { timeZone, ...options }).format(at);
}

export default async function CampaignPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ tab?: string; cursor?: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const search = await searchParams;
  const [campaign, account] = await Promise.all([
    getCampaign(user.accountId, id).catch((error: unknown) => {
      if (error instanceof AppError && error.code === "not_found") notFound();
      throw error;
    }),
    getAccountSummary(user.accountId),
  ]);
  const tab = messageTab(search.tab);
  const cursor = search.cursor && UUID.test(search.cursor) ? search.cursor : undefined;
  const [messages, timeline, retryable] = await Promise.all([
    listCampaignMessages(user.accountId, id, { limit: 50, cursor, statuses: tabStatuses(tab) }),
    campaignDeliveryTimeline(user.accountId, id),
    campaign.status === "completed" ? countRetryableRecipients(user.accountId, id) : Promise.resolve(0),
  ]);
  const { progress } = campaign;
  const counts = groupCounts(progress);
  const live = campaign.status === "pending_content_check" || campaign.status === "queued" || progress.submitted + progress.queued > 0;
  const when = campaign.sendAt ? formatZonedDateTime(campaign.sendAt, account.timezone) : null;
  return (
    <>
      <PageHeader
        title={campaign.name}
        description={
          <>
            From {campaign.from} to “{campaign.contactList?.name ?? "deleted list"}” · {campaign.class} ·{" "}
            <span data-testid="campaign-send-at">{when ? `scheduled for ${when}` : "sent immediately"}</span>
          </>
        }
        actions={
          <div className="flex flex-wrap items-start gap-2">
            <ButtonLink href={`/campaigns/new?from=${campaign.id}`} variant="secondary" size="sm">Duplicate</ButtonLink>
            {campaign.status === "scheduled" ? (
              <ConfirmActionForm action={cancelCampaignAction} fields={{ campaignId: campaign.id }} label="Cancel campaign" confirmLabel="Cancel and refund" question="Cancel this campaign? Nothing is sent." />
            ) : null}
          </div>
        }
      />
      <AutoRefresh active={live} intervalMs={2_000} />
      {campaign.status === "rejected" ? <Alert tone="error" title="Rejected">{campaign.statusReason}. Your reservation was refunded in full.</Alert> : null}
      {campaign.status === "completed" && counts.failed > 0 ? (
        <Alert tone={counts.delivered === 0 ? "error" : "warning"} title={counts.delivered === 0 ? "No message was delivered" : "Some messages were not delivered"} className="mt-4">
          <div className="space-y-2">
            <p>See the reasons under Failed below. Failed messages were not charged.</p>
            <ConfirmActionForm
              action={retryFailedAction}
              fields={{ campaignId: campaign.id }}
              offered={retryable > 0}
              label="Retry failed messages"
              confirmLabel={`Retry ${retryable.toLocaleString()} message${retryable === 1 ? "" : "s"}`}
              question="Send the failed messages again? Their cost is reserved from your balance now."
              variant="primary"
            />
          </div>
        </Alert>
      ) : null}
      <div className="my-6 grid grid-cols-2 gap-4 lg:grid-cols-4">
        <StatCard label="Status" value={<span data-testid="campaign-status"><CampaignStatusBadge status={campaign.status} delivered={counts.delivered} failed={counts.failed} pending={counts.pending} /></span>} />
        <StatCard
          label="Messages"
          value={<span data-testid="campaign-messages">{campaign.messageCount.toLocaleString()}</span>}
          hint={`${campaign.recipientCount.toLocaleString()} recipients estimated${campaign.optedOutCount > 0 ? ` · ${campaign.optedOutCount.toLocaleString()} opted out, skipped` : ""}`}
        />
        <StatCard label="Spent" value={formatMoney(progress.spent)} hint={`estimate ${formatMoney(campaign.estimatedCost)}`} />
        <StatCard label="Reserved" value={formatMoney(progress.reserved)} hint={progress.refunded > 0 ? `${formatMoney(progress.refunded)} refunded` : undefined} />
      </div>
      {campaign.messageCount > 0 ? (
        <Card className="mb-6">
          <CardBody className="space-y-3">
            <CampaignOutcome progress={progress} />
            <ProgressBar value={progress.ratio} label="Finished messages" />
            <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-4 lg:grid-cols-8">
              {STATUSES.map((status) => (
                <div key={status} className="min-w-0">
                  <dt className="truncate text-slate-500" title={status}>{status}</dt>
                  <dd className="font-semibold" data-testid={`count-${status}`}>{progress[status].toLocaleString()}</dd>
                </div>
              ))}
            </dl>
            {timeline.points.length > 1 ? (
              <DeliveryChart zone={account.timezone} points={timeline.points.map((point) => ({ ...point, label: chartLabel(point.at, timeline.unit, account.timezone) }))} />
            ) : null}
          </CardBody>
        </Card>
      ) : null}
      <Card>
        <CardHeader title="Messages" />
        <MessageTabs campaignId={campaign.id} tab={tab} counts={{ all: campaign.messageCount, ...counts }} />
        <CampaignMessagesTable
          messages={messages.data}
          timezone={account.timezone}
          emptyText={campaign.status === "scheduled" ? "Messages are created when the campaign is sent." : "Nothing matches this filter."}
        />
        {messages.nextCursor ? (
          <div className="p-4 text-sm">
            <Link href={`/campaigns/${campaign.id}?tab=${tab}&cursor=${messages.nextCursor}`} className="hover:underline">Next page →</Link>
          </div>
        ) : null}
      </Card>
    </>
  );
}
