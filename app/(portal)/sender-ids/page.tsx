import type { Metadata } from "next";
import { requestSenderIdAction } from "@/app/(portal)/sender-ids/actions";
import { RequestSenderIdForm } from "@/components/sender-ids/request-sender-id-form";
import { StatusBadge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableCaption, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { getAccountSummary } from "@/lib/accounts/get-account";
import { requireUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { listSenderIds } from "@/lib/sender-ids/get-sender-ids";

export const metadata: Metadata = { title: "Sender IDs" };

export default async function SenderIdsPage() {
  const user = await requireUser();
  const [account, senderIds] = await Promise.all([getAccountSummary(user.accountId), listSenderIds(user.accountId)]);
  return (
    <>
      <PageHeader
        title="Sender IDs"
        description="The name or number your messages come from. Each sender ID is reviewed by an operator before it can be used."
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card aria-labelledby="sender-ids-heading" className="lg:col-span-2">
          <CardHeader id="sender-ids-heading" title="Your sender IDs" />
          {senderIds.length === 0 ? (
            <EmptyState title="No sender IDs yet" description="Request one with the form; you can send messages once it is approved." />
          ) : (
            <Table>
              <TableCaption>Sender IDs</TableCaption>
              <THead>
                <TR>
                  <TH>Sender ID</TH>
                  <TH>Status</TH>
                  <TH>Purpose</TH>
                  <TH>Requested</TH>
                </TR>
              </THead>
              <TBody>
                {senderIds.map((senderId) => (
                  <TR key={senderId.id} data-testid="sender-id-row">
                    <TD className="font-mono font-medium">{senderId.value}</TD>
                    <TD>
                      <StatusBadge status={senderId.status} />
                      {senderId.decidedAt ? <p className="mt-1 whitespace-nowrap text-xs text-slate-500">{formatDateTime(senderId.decidedAt, account.timezone)}</p> : null}
                      {senderId.status === "rejected" && senderId.reason ? <p className="mt-1 text-xs text-slate-600">{senderId.reason}</p> : null}
                    </TD>
                    <TD className="max-w-xs text-slate-600">{senderId.purpose ?? "—"}</TD>
                    <TD className="whitespace-nowrap">{formatDateTime(senderId.createdAt, account.timezone)}</TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
        </Card>
        <Card aria-labelledby="request-sender-id-heading">
          <CardHeader id="request-sender-id-heading" title="Request a sender ID" />
          <CardBody>
            <RequestSenderIdForm action={requestSenderIdAction} />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
