import type { Metadata } from "next";
import Link from "next/link";
import { NetworkTable } from "@/components/analytics/network-table";
import { OutcomeChart } from "@/components/analytics/outcome-chart";
import { RangePicker } from "@/components/analytics/range-picker";
import { RecentCampaigns, RecentMessages } from "@/components/analytics/recent-activity";
import { SetupChecklist } from "@/components/analytics/setup-checklist";
import { SpendChart } from "@/components/analytics/spend-chart";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader, StatCard } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { getAccountSummary } from "@/lib/accounts/get-account";
import { getBalanceOutlook } from "@/lib/analytics/balance-outlook";
import { getMessageAnalytics } from "@/lib/analytics/get-message-analytics";
import { analyticsRange, RANGE_LABELS } from "@/lib/analytics/range";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { requireUser } from "@/lib/auth/session";
import { listCampaigns } from "@/lib/campaigns/get-campaigns";
import { getBalance } from "@/lib/credits/get-balance";
import { formatCount, formatMoney, formatPercent } from "@/lib/format";
import { listMessages } from "@/lib/messages/get-messages";
import { listSenderIds } from "@/lib/sender-ids/get-sender-ids";

export const metadata: Metadata = { title: "Overview" };

const billingLink = (
  <Link href="/billing" className="font-medium underline">
    Billing
  </Link>
);

export default async function OverviewPage({ searchParams }: { searchParams: Promise<{ range?: string }> }) {
  const user = await requireUser();
  const range = analyticsRange.parse((await searchParams).range);
  const account = await getAccountSummary(user.accountId);
  const [balance, senderIds, apiKeys, analytics, campaigns, recent] = await Promise.all([
    getBalance(user.accountId),
    listSenderIds(user.accountId),
    listApiKeys(user.accountId),
    getMessageAnalytics(user.accountId, account.timezone, range),
    listCampaigns(user.accountId, { limit: 5 }),
    listMessages(user.accountId, account.defaultCountry, { limit: 5, status: undefined, since: undefined, until: undefined, recipient: undefined, campaignId: undefined, cursor: undefined }),
  ]);
  const outlook = await getBalanceOutlook(user.accountId, analytics.days.slice(-7).map((day) => day.spent));
  const now = new Date();
  const activeKeys = apiKeys.filter((key) => !key.revokedAt && (!key.expiresAt || key.expiresAt > now)).length;
  const approved = senderIds.filter((senderId) => senderId.status === "approved").map((senderId) => senderId.value);
  const ready = balance.balance > 0 && approved.length > 0;
  const period = `${RANGE_LABELS[range].toLowerCase()} (${analytics.from} to ${analytics.to}, ${account.timezone})`;

  return (
    <>
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Overview</h1>
          <p className="mt-1 text-sm text-slate-600">{account.name}</p>
        </div>
        <RangePicker current={range} />
      </div>

      <section aria-labelledby="credit-heading">
        <h2 id="credit-heading" className="sr-only">
          Credit and results
        </h2>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <StatCard label="Available balance" value={<span data-testid="balance-available">{formatMoney(balance.balance)}</span>} hint={`${formatMoney(balance.reserved)} held for messages in flight`} />
          <StatCard label="Messages" value={<span data-testid="period-messages">{formatCount(analytics.totals.total)}</span>} hint={RANGE_LABELS[range]} />
          <StatCard
            label="Delivery rate"
            value={<span data-testid="period-delivery-rate">{analytics.totals.deliveryRate === null ? "—" : formatPercent(analytics.totals.deliveryRate)}</span>}
            hint="Delivered of messages with a final status"
          />
          <StatCard label="Spent" value={<span data-testid="period-spent">{formatMoney(analytics.totals.spent)}</span>} hint={`Charged for messages of the last ${RANGE_LABELS[range].toLowerCase()}`} />
        </div>
        {balance.toppedUp === 0 ? (
          <Alert tone="info" className="mt-4" title="No credit yet">
            Messages are prepaid. Ask your Sema Link account manager for a top-up; it will appear under {billingLink}.
          </Alert>
        ) : balance.balance <= 0 ? (
          <Alert tone="warning" className="mt-4" title="Your balance is empty">
            New messages will be refused until credit is added. See {billingLink}.
          </Alert>
        ) : outlook.low ? (
          <Alert tone="warning" className="mt-4" title="Your balance is running low">
            {formatMoney(outlook.balance)} left
            {outlook.daysLeft !== null ? `, about ${outlook.daysLeft} day${outlook.daysLeft === 1 ? "" : "s"} at your recent spend of ${formatMoney(outlook.dailySpend)} a day` : ""}
            {outlook.threshold !== null ? ` (your alert threshold is ${formatMoney(outlook.threshold)})` : ""}. See {billingLink}.
          </Alert>
        ) : null}
      </section>

      <Card className="mt-6" aria-labelledby="outcomes-heading">
        <CardHeader id="outcomes-heading" title="Messages per day" description={`By status, ${period}.`} />
        <CardBody>{analytics.totals.total === 0 ? <EmptyState title="No messages in this period" /> : <OutcomeChart days={analytics.days} />}</CardBody>
      </Card>

      <div className="mt-6 grid gap-6 lg:grid-cols-5">
        <Card className="min-w-0 lg:col-span-3" aria-labelledby="networks-heading">
          <CardHeader id="networks-heading" title="Delivery by network" description="Delivery rate counts messages with a final status; cost is what was charged." />
          {analytics.networks.length === 0 ? <EmptyState title="No messages in this period" /> : <NetworkTable analytics={analytics} />}
        </Card>
        <Card className="min-w-0 lg:col-span-2" aria-labelledby="spend-heading">
          <CardHeader id="spend-heading" title="Spend per day" description="Charges captured each day, KES." />
          <CardBody>
            <SpendChart days={analytics.days} />
          </CardBody>
        </Card>
      </div>

      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <RecentCampaigns campaigns={campaigns} timeZone={account.timezone} />
        <RecentMessages messages={recent.data} timeZone={account.timezone} />
      </div>

      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <SetupChecklist
          state={{ balance: balance.balance, approvedSenderIds: approved, pendingSenderIds: senderIds.filter((senderId) => senderId.status === "pending").length, activeKeys }}
        />
        {ready ? (
          <Card aria-labelledby="next-heading">
            <CardHeader id="next-heading" title="Send" />
            <CardBody className="flex flex-wrap gap-3">
              <ButtonLink href="/send" variant="primary">
                Send a message
              </ButtonLink>
              <ButtonLink href="/campaigns/new">New campaign</ButtonLink>
            </CardBody>
          </Card>
        ) : null}
      </div>
    </>
  );
}
