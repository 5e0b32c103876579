import type { Metadata } from "next";
import Link from "next/link";
import { LEDGER_TYPE_LABELS, LedgerTypeBadge } from "@/components/billing/ledger-type-badge";
import { Card, CardHeader, StatCard } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination, pageHref } from "@/components/ui/pagination";
import { Table, TableCaption, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { getAccountSummary } from "@/lib/accounts/get-account";
import { requireUser } from "@/lib/auth/session";
import { getBalance } from "@/lib/credits/get-balance";
import { LEDGER_TYPES, listLedger, type LedgerRow } from "@/lib/credits/list-ledger";
import { formatDateTime, formatMoney } from "@/lib/format";

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

type SearchParams = Promise<{ page?: string; type?: string }>;

export default async function BillingPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  const params = await searchParams;
  const [account, balance, ledger] = await Promise.all([
    getAccountSummary(user.accountId),
    getBalance(user.accountId),
    listLedger(user.accountId, { page: params.page, type: params.type }),
  ]);
  const linkParams = { type: ledger.type };
  const filters = [{ value: undefined, label: "All" }, ...LEDGER_TYPES.map((type) => ({ value: type, label: LEDGER_TYPE_LABELS[type] }))];

  return (
    <>
      <PageHeader
        title="Billing"
        description={`Prepaid credit in KES. Sending reserves the price of each message; delivery reports turn reservations into charges or return them.${account.pricingTier ? ` Pricing tier: ${account.pricingTier.name}.` : ""}`}
      />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <StatCard label="Available balance" value={formatMoney(balance.balance)} />
        <StatCard label="Reserved" value={formatMoney(balance.reserved)} hint="Held for messages in flight" />
        <StatCard label="Spent" value={formatMoney(balance.spent)} />
        <StatCard label="Topped up" value={formatMoney(balance.toppedUp)} hint="All credit ever added" />
      </div>

      <Card className="mt-6" aria-labelledby="ledger-heading">
        <CardHeader id="ledger-heading" title="Ledger" description="Every credit movement, newest first." />
        <nav aria-label="Filter by type" className="flex flex-wrap gap-2 border-b border-slate-200 px-4 py-3 sm:px-6">
          {filters.map((filter) => {
            const active = filter.value === ledger.type;
            return (
              <Link
                key={filter.label}
                href={pageHref("/billing", { type: filter.value }, 1)}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "rounded-full px-3 py-1 text-sm font-medium ring-1 ring-inset",
                  active ? "bg-brand-600 text-white ring-brand-600" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50",
                )}
              >
                {filter.label}
              </Link>
            );
          })}
        </nav>
        {ledger.entries.length === 0 ? (
          <EmptyState
            title={ledger.page > 1 ? "No more entries" : "No credit movements yet"}
            description={ledger.page > 1 || ledger.type ? undefined : "Top-ups and message charges will be listed here."}
          />
        ) : (
          <Table>
            <TableCaption>Ledger entries</TableCaption>
            <THead>
              <TR>
                <TH>Date</TH>
                <TH>Type</TH>
                <TH className="text-right">Amount</TH>
                <TH>Effect</TH>
                <TH>Reference</TH>
              </TR>
            </THead>
            <TBody>
              {ledger.entries.map((entry) => (
                <TR key={entry.id} data-testid="ledger-row">
                  <TD className="whitespace-nowrap">{formatDateTime(entry.createdAt, account.timezone)}</TD>
                  <TD>
                    <LedgerTypeBadge type={entry.type} />
                  </TD>
                  <TD className="whitespace-nowrap text-right font-medium tabular-nums">{formatMoney(entry.amount)}</TD>
                  <TD className="text-slate-600">{BALANCE_EFFECT[entry.type]}</TD>
                  <TD className="max-w-xs truncate text-slate-600">{reference(entry)}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
        {ledger.page > 1 || ledger.hasNextPage ? (
          <Pagination
            label={`Page ${ledger.page}`}
            previousHref={ledger.page > 1 ? pageHref("/billing", linkParams, ledger.page - 1) : undefined}
            nextHref={ledger.hasNextPage ? pageHref("/billing", linkParams, ledger.page + 1) : undefined}
          />
        ) : null}
      </Card>
    </>
  );
}
