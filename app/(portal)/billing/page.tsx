import type { Metadata } from "next";
import { LedgerFilters, StatementForm, type LedgerFilterValues } from "@/components/billing/ledger-filters";
import { LedgerTypeBadge } from "@/components/billing/ledger-type-badge";
import { RateCardTable } from "@/components/billing/rate-card-table";
import { Card, CardBody, CardHeader, StatCard } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination, pageHref } from "@/components/ui/pagination";
import { Table, TableCaption, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { getAccountSummary } from "@/lib/accounts/get-account";
import { currentMonth } from "@/lib/analytics/monthly-statement";
import { requireUser } from "@/lib/auth/session";
import { getBalance } from "@/lib/credits/get-balance";
import { ledgerFilterInstants, ledgerFilterQuery } from "@/lib/credits/ledger-filters";
import { listLedger, type LedgerRow } from "@/lib/credits/list-ledger";
import { formatDateTimeSeconds, formatMoney } from "@/lib/format";
import { listAccountRates } from "@/lib/pricing/list-account-rates";

export const metadata: Metadata = { title: "Billing" };

// What each movement does to the available balance, for the sign shown beside the amount.
const BALANCE_EFFECT: Record<LedgerRow["type"], string> = {
  topup: "Added to balance",
  reserve: "Held from balance",
  capture: "Charged from reserved",
  release: "Returned to balance",
};

function reference(entry: LedgerRow): string {
  if (entry.description) return entry.description;
  if (entry.campaignId) return `Campaign ${entry.campaignId.slice(0, 8)}`;
  if (entry.messageId) return `Message ${entry.messageId.slice(0, 8)}`;
  return "—";
}

type SearchParams = Promise<{ page?: string; type?: string; since?: string; until?: string }>;

export default async function BillingPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  const params = await searchParams;
  const account = await getAccountSummary(user.accountId);
  const parsed = ledgerFilterQuery.safeParse({ type: params.type, since: params.since, until: params.until });
  const query = parsed.success ? parsed.data : {};
  const [balance, ledger, rates] = await Promise.all([
    getBalance(user.accountId),
    listLedger(user.accountId, { page: params.page, ...ledgerFilterInstants(query, account.timezone) }),
    listAccountRates(user.accountId),
  ]);
  const values: LedgerFilterValues = { type: query.type, since: query.since, until: query.until };
  const search = new URLSearchParams(Object.entries(values).filter((entry): entry is [string, string] => Boolean(entry[1]))).toString();

  return (
    <>
      <PageHeader
        title="Billing"
        description={`Prepaid credit in KES. Sending reserves the price of each message; delivery reports turn reservations into charges or return them. Pricing tier: ${rates.tierName}.`}
      />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <StatCard label="Available balance" value={formatMoney(balance.balance)} />
        <StatCard label="Reserved" value={formatMoney(balance.reserved)} hint="Held for messages in flight" />
        <StatCard label="Spent" value={formatMoney(balance.spent)} />
        <StatCard label="Topped up" value={formatMoney(balance.toppedUp)} hint="All credit ever added" />
      </div>

      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <Card className="min-w-0" aria-labelledby="rates-heading">
          <CardHeader id="rates-heading" title="Rate card" description="Price per SMS segment (160 GSM-7 or 70 Unicode characters; longer messages use more)." />
          <RateCardTable card={rates} />
        </Card>
        <Card className="min-w-0" aria-labelledby="statement-heading">
          <CardHeader id="statement-heading" title="Monthly statement" description="Credit movements, then messages, delivery rate and cost per network and per day, as CSV." />
          <CardBody>
            <StatementForm defaultMonth={currentMonth(account.timezone)} />
          </CardBody>
        </Card>
      </div>

      <Card className="mt-6" aria-labelledby="ledger-heading">
        <CardHeader id="ledger-heading" title="Ledger" description={`Every credit movement, newest first. Times in ${account.timezone}.`} />
        <LedgerFilters values={values} exportHref={`/billing/export${search ? `?${search}` : ""}`} />
        {!parsed.success ? (
          <EmptyState title="These filters are not valid" description="Check the dates." />
        ) : ledger.entries.length === 0 ? (
          <EmptyState
            title={ledger.page > 1 ? "No more entries" : "No credit movements here"}
            description={ledger.page > 1 || search ? undefined : "Top-ups and message charges will be listed here."}
          />
        ) : (
          <Table>
            <TableCaption>Ledger entries</TableCaption>
            <THead>
              <TR>
                <TH>Date</TH>
                <TH>Type</TH>
                <TH className="text-right">Amount</TH>
                <TH className="hidden sm:table-cell">Effect</TH>
                <TH>Reference</TH>
              </TR>
            </THead>
            <TBody>
              {ledger.entries.map((entry) => (
                <TR key={entry.id} data-testid="ledger-row">
                  <TD className="whitespace-nowrap">{formatDateTimeSeconds(entry.createdAt, account.timezone)}</TD>
                  <TD>
                    <LedgerTypeBadge type={entry.type} />
                  </TD>
                  <TD className="whitespace-nowrap text-right font-medium tabular-nums">{formatMoney(entry.amount)}</TD>
                  <TD className="hidden text-slate-600 sm:table-cell">{BALANCE_EFFECT[entry.type]}</TD>
                  <TD className="max-w-xs truncate text-slate-600">{reference(entry)}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
        {ledger.page > 1 || ledger.hasNextPage ? (
          <Pagination
            label={`Page ${ledger.page}`}
            previousHref={ledger.page > 1 ? pageHref("/billing", { ...values }, ledger.page - 1) : undefined}
            nextHref={ledger.hasNextPage ? pageHref("/billing", { ...values }, ledger.page + 1) : undefined}
          />
        ) : null}
      </Card>
    </>
  );
}
