import type { Metadata } from "next";
import Link from "next/link";
import { actOnDeadLettersAction } from "@/app/(portal)/operator/dead-letters/actions";
import { DeadLetterActionsForm } from "@/components/dead-letters/dead-letter-actions-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader, StatCard } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableCaption, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { getAccountSummary } from "@/lib/accounts/get-account";
import { requireOperator } from "@/lib/auth/session";
import { deadLetterSummary, listDeadLetters } from "@/lib/dead-letters/list-dead-letters";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Dead letters" };

const LISTED = 100;

export default async function DeadLettersPage() {
  const operator = await requireOperator();
  const [account, summary, items] = await Promise.all([getAccountSummary(operator.accountId), deadLetterSummary(), listDeadLetters({ limit: LISTED })]);
  const providers = [...new Set(summary.byReason.map((row) => row.provider))].sort();
  const oldest = summary.byReason.reduce<Date | null>((min, row) => (!min || row.oldestParkedAt < min ? row.oldestParkedAt : min), null);
  const at = (date: Date) => formatDateTime(date, account.timezone);
  return (
    <>
      <PageHeader
        title="Dead letters"
        description={`Messages whose attempts ran out while their provider was down or throttling. They stay pending with their credit reserved: replay them once the provider recovers, or they fail and are refunded after ${summary.retentionHours} h.`}
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <StatCard label="Parked messages" value={<span data-testid="dead-letter-total">{summary.total}</span>} />
        <StatCard label="Oldest parked" value={oldest ? at(oldest) : "—"} />
        <StatCard label="Retention" value={`${summary.retentionHours} h`} hint="Then failed and refunded" />
      </div>

      <Card className="mt-6" aria-labelledby="dlq-actions-heading">
        <CardHeader id="dlq-actions-heading" title="Replay or discard" description="Oldest first. Replayed messages go back through the send queues with a new round of attempts." />
        <DeadLetterActionsForm providers={providers} action={actOnDeadLettersAction} />
      </Card>

      <Card className="mt-6" aria-labelledby="dlq-reasons-heading">
        <CardHeader id="dlq-reasons-heading" title="By reason" />
        {summary.byReason.length === 0 ? (
          <EmptyState title="Nothing parked" description="Messages appear here when a provider outage outlasts their retries." />
        ) : (
          <Table>
            <TableCaption>Parked messages by provider and reason</TableCaption>
            <THead>
              <TR>
                <TH>Provider</TH>
                <TH>Reason</TH>
                <TH className="text-right">Messages</TH>
                <TH>Oldest</TH>
              </TR>
            </THead>
            <TBody>
              {summary.byReason.map((row) => (
                <TR key={`${row.provider}/${row.reason}`} data-testid="dead-letter-reason-row">
                  <TD>{row.provider}</TD>
                  <TD className="font-mono text-xs">{row.reason}</TD>
                  <TD className="text-right tabular-nums">{row.count}</TD>
                  <TD className="whitespace-nowrap">{at(row.oldestParkedAt)}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </Card>

      {items.length > 0 ? (
        <Card className="mt-6" aria-labelledby="dlq-messages-heading">
          <CardHeader id="dlq-messages-heading" title="Parked messages" description={summary.total > LISTED ? `The oldest ${LISTED} of ${summary.total}.` : undefined} />
          <Table>
            <TableCaption>Parked messages, oldest first</TableCaption>
            <THead>
              <TR>
                <TH>Message</TH>
                <TH>Account</TH>
                <TH>To</TH>
                <TH>Reason</TH>
                <TH className="text-right">Attempts</TH>
                <TH>Parked</TH>
                <TH>Expires</TH>
              </TR>
            </THead>
            <TBody>
              {items.map((item) => (
                <TR key={item.id} data-testid="dead-letter-row" data-message-id={item.messageId}>
                  <TD className="font-mono text-xs">{item.messageId}</TD>
                  <TD>{item.accountName}</TD>
                  <TD className="font-mono text-xs">{item.to}</TD>
                  <TD>
                    <Badge tone="warning">{item.reason}</Badge>
                    {item.detail ? <span className="ml-2 text-xs text-slate-500">{item.detail}</span> : null}
                  </TD>
                  <TD className="text-right tabular-nums">{item.attempts}</TD>
                  <TD className="whitespace-nowrap">{at(item.parkedAt)}</TD>
                  <TD className="whitespace-nowrap">{at(item.expiresAt)}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        </Card>
      ) : null}

      {summary.deliveryReports ? (
        <Card className="mt-6" aria-labelledby="dlq-dlr-heading">
          <CardHeader
            id="dlq-dlr-heading"
            title="Parked delivery reports"
            description="Reports the DLR callback could not apply, waiting for an operator."
            actions={<Link href="/operator/delivery-reports" className="text-sm font-medium text-brand-700 hover:underline">Open delivery reports</Link>}
          />
          {summary.deliveryReports.length === 0 ? (
            <EmptyState title="No parked delivery reports" />
          ) : (
            <Table>
              <TableCaption>Parked delivery reports by stage and reason</TableCaption>
              <THead>
                <TR>
                  <TH>Stage</TH>
                  <TH>Reason</TH>
                  <TH className="text-right">Reports</TH>
                </TR>
              </THead>
              <TBody>
                {summary.deliveryReports.map((row) => (
                  <TR key={`${row.stage}/${row.reason}`}>
                    <TD>{row.stage}</TD>
                    <TD className="font-mono text-xs">{row.reason}</TD>
                    <TD className="text-right tabular-nums">{row.count}</TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
        </Card>
      ) : null}
    </>
  );
}
