import type { Metadata } from "next";
import { decideSenderIdAction } from "@/app/(portal)/operator/sender-ids/actions";
import { DecideSenderIdForm } from "@/components/sender-ids/decide-sender-id-form";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableCaption, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { getAccountSummary } from "@/lib/accounts/get-account";
import { requireOperator } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { listPendingSenderIds } from "@/lib/sender-ids/get-sender-ids";

export const metadata: Metadata = { title: "Sender ID requests" };

export default async function OperatorSenderIdsPage() {
  const operator = await requireOperator();
  const [account, pending] = await Promise.all([getAccountSummary(operator.accountId), listPendingSenderIds()]);
  return (
    <>
      <PageHeader title="Sender ID requests" description="Pending requests from every account, oldest first." />
      <Card>
        {pending.length === 0 ? (
          <EmptyState title="Nothing to review" description="New sender ID requests appear here." />
        ) : (
          <Table>
            <TableCaption>Pending sender ID requests</TableCaption>
            <THead>
              <TR>
                <TH>Sender ID</TH>
                <TH>Account</TH>
                <TH>Purpose</TH>
                <TH>Requested</TH>
                <TH>Decision</TH>
              </TR>
            </THead>
            <TBody>
              {pending.map((request) => (
                <TR key={request.id} data-testid="pending-sender-id-row">
                  <TD className="font-mono font-medium">{request.value}</TD>
                  <TD>{request.account.name}</TD>
                  <TD className="max-w-xs text-slate-600">{request.purpose ?? "—"}</TD>
                  <TD className="whitespace-nowrap">{formatDateTime(request.createdAt, account.timezone)}</TD>
                  <TD className="min-w-64">
                    <DecideSenderIdForm id={request.id} value={request.value} action={decideSenderIdAction} />
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
