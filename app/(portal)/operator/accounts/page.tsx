import type { Metadata } from "next";
import { setRateLimitAction, topUpAccountAction } from "@/app/(portal)/operator/accounts/actions";
import { RateLimitForm } from "@/components/billing/rate-limit-form";
import { TopUpForm } from "@/components/billing/top-up-form";
import { StatusBadge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination, pageHref } from "@/components/ui/pagination";
import { Table, TableCaption, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { getAccountSummary } from "@/lib/accounts/get-account";
import { listAccounts } from "@/lib/accounts/list-accounts";
import { requireOperator } from "@/lib/auth/session";
import { formatDate, formatMoney } from "@/lib/format";

export const metadata: Metadata = { title: "Accounts" };

type SearchParams = Promise<{ page?: string; q?: string }>;

export default async function OperatorAccountsPage({ searchParams }: { searchParams: SearchParams }) {
  const operator = await requireOperator();
  const params = await searchParams;
  const [own, result] = await Promise.all([getAccountSummary(operator.accountId), listAccounts({ page: params.page, query: params.q || undefined })]);
  const linkParams = { q: result.query };
  return (
    <>
      <PageHeader title="Accounts" description="Every customer account with its credit. Top-ups are recorded in the account's ledger." />
      <form role="search" className="mb-4 flex flex-wrap items-end gap-2" action="/operator/accounts">
        <div className="w-full sm:w-80">
          <Label htmlFor="account-search">Search by name or user email</Label>
          <Input id="account-search" name="q" type="search" defaultValue={result.query ?? ""} className="mt-1" />
        </div>
        <Button type="submit" variant="secondary">
          Search
        </Button>
      </form>
      <Card>
        {result.accounts.length === 0 ? (
          <EmptyState title={result.query ? "No matching accounts" : "No accounts yet"} />
        ) : (
          <Table>
            <TableCaption>Accounts</TableCaption>
            <THead>
              <TR>
                <TH>Account</TH>
                <TH className="text-right">Balance</TH>
                <TH className="text-right">Reserved</TH>
                <TH className="text-right">Spent</TH>
                <TH className="text-right">Topped up</TH>
                <TH>Top up</TH>
                <TH>API rate limit</TH>
              </TR>
            </THead>
            <TBody>
              {result.accounts.map((account) => (
                <TR key={account.id} data-testid="operator-account-row">
                  <TD className="min-w-56">
                    <p className="font-medium">
                      {account.name} <StatusBadge status={account.status} />
                    </p>
                    <p className="break-all text-xs text-slate-600">{account.ownerEmail ?? "No owner"}</p>
                    <p className="mt-0.5 text-xs text-slate-500">
                      {account.userCount} user{account.userCount === 1 ? "" : "s"} · since {formatDate(account.createdAt, own.timezone)}
                    </p>
                  </TD>
                  <TD className="whitespace-nowrap text-right tabular-nums">{formatMoney(account.balance)}</TD>
                  <TD className="whitespace-nowrap text-right tabular-nums">{formatMoney(account.reserved)}</TD>
                  <TD className="whitespace-nowrap text-right tabular-nums">{formatMoney(account.spent)}</TD>
                  <TD className="whitespace-nowrap text-right tabular-nums">{formatMoney(account.toppedUp)}</TD>
                  <TD className="min-w-[23rem]">
                    <TopUpForm accountId={account.id} accountName={account.name} action={topUpAccountAction} />
                  </TD>
                  <TD className="min-w-[14rem]">
                    <RateLimitForm accountId={account.id} accountName={account.name} current={account.apiRateLimit} action={setRateLimitAction} />
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
        <Pagination
          label={`Page ${result.page}`}
          previousHref={result.page > 1 ? pageHref("/operator/accounts", linkParams, result.page - 1) : undefined}
          nextHref={result.hasNextPage ? pageHref("/operator/accounts", linkParams, result.page + 1) : undefined}
        />
      </Card>
    </>
  );
}
