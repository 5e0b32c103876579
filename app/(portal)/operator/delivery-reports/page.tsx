import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader, StatCard } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableCaption, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { getAccountSummary } from "@/lib/accounts/get-account";
import { requireOperator } from "@/lib/auth/session";
import { listDlrDeadLetters } from "@/lib/dlr/list-dlr-dead-letters";
import { formatCount, formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Delivery reports" };

const STAGE_LABELS = { callback: "Refused at callback", batch: "Parked from batch" } as const;
/** Long reports are cut for the table; `smsctl dlr dead-letters` prints them whole. */
const REPORT_PREVIEW_CHARS = 400;

export default async function OperatorDeliveryReportsPage() {
  const operator = await requireOperator();
  const [account, deadLetters] = await Promise.all([getAccountSummary(operator.accountId), listDlrDeadLetters({ limit: 100 })]);
  return (
    <>
      <PageHeader
        title="Delivery reports"
        description="Provider delivery reports that were not applied to any message: refused by the callback's checks (answered 200 so the provider stops retrying), or parked when a batch statement failed on them alone. Every other report of their batch was applied."
      />
      <div className="mb-6 grid gap-4 sm:grid-cols-2">
        <StatCard label="Unresolved" value={<span data-testid="dlr-dead-letters-unresolved">{formatCount(deadLetters.unresolved)}</span>} />
        <StatCard label="Total recorded" value={formatCount(deadLetters.total)} hint="Resolve one with smsctl dlr resolve --id ID" />
      </div>
      <Card className="mb-6" aria-labelledby="dlr-reasons">
        <CardHeader id="dlr-reasons" title="By reason" />
        {deadLetters.counts.length === 0 ? (
          <EmptyState title="No unusable delivery reports" description="Reports the callback refuses or a batch parks are counted here." />
        ) : (
          <Table>
            <TableCaption>Unusable delivery reports by stage and reason</TableCaption>
            <THead>
              <TR>
                <TH>Stage</TH>
                <TH>Reason</TH>
                <TH className="text-right">Unresolved</TH>
                <TH className="text-right">Total</TH>
                <TH>Last</TH>
              </TR>
            </THead>
            <TBody>
              {deadLetters.counts.map((count) => (
                <TR key={`${count.stage}/${count.reason}`} data-testid="dlr-reason-row">
                  <TD className="whitespace-nowrap">{STAGE_LABELS[count.stage]}</TD>
                  <TD className="font-mono text-xs">{count.reason}</TD>
                  <TD className="text-right tabular-nums">{formatCount(count.unresolved)}</TD>
                  <TD className="text-right tabular-nums">{formatCount(count.total)}</TD>
                  <TD className="whitespace-nowrap">{formatDateTime(count.lastAt, account.timezone)}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </Card>
      <Card aria-labelledby="dlr-recent">
        <CardHeader id="dlr-recent" title="Recent unresolved" description="Newest first, up to 100. Phone numbers are masked." />
        {deadLetters.recent.length === 0 ? (
          <EmptyState title="Nothing to look at" />
        ) : (
          <Table>
            <TableCaption>Recent unresolved delivery reports</TableCaption>
            <THead>
              <TR>
                <TH>Received</TH>
                <TH>Stage</TH>
                <TH>Message id</TH>
                <TH>Reason and report</TH>
              </TR>
            </THead>
            <TBody>
              {deadLetters.recent.map((item) => (
                <TR key={item.id} data-testid="dlr-dead-letter-row">
                  <TD className="whitespace-nowrap">{formatDateTime(item.receivedAt, account.timezone)}</TD>
                  <TD>
                    <Badge tone={item.stage === "batch" ? "danger" : "warning"}>{item.stage}</Badge>
                  </TD>
                  <TD className="break-all font-mono text-xs">{item.providerMessageId ?? "—"}</TD>
                  <TD className="min-w-72 max-w-xl">
                    <p className="font-mono text-xs font-semibold">{item.reason}</p>
                    <p className="mt-0.5 break-words text-xs text-slate-600">{item.error}</p>
                    <pre className="mt-1 whitespace-pre-wrap break-all rounded bg-slate-50 p-2 font-mono text-xs text-slate-700">
                      {item.report.length > REPORT_PREVIEW_CHARS ? `${item.report.slice(0, REPORT_PREVIEW_CHARS)}…` : item.report}
                    </pre>
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </Card>
    </>
  );
}
