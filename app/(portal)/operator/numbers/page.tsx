import type { Metadata } from "next";
import { assignNumberAction, releaseNumberAction } from "@/app/(portal)/operator/numbers/actions";
import { AssignNumberForm } from "@/components/inbound-numbers/assign-number-form";
import { NumbersTable } from "@/components/inbound-numbers/numbers-table";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableCaption, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { getAccountSummary } from "@/lib/accounts/get-account";
import { listAccounts } from "@/lib/accounts/list-accounts";
import { requireOperator } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { listUnroutedInbound } from "@/lib/inbound/list-inbound-messages";
import { listInboundNumbers } from "@/lib/inbound-numbers/manage-numbers";

export const metadata: Metadata = { title: "Numbers" };

export default async function OperatorNumbersPage() {
  const operator = await requireOperator();
  const [own, numbers, accounts, unrouted] = await Promise.all([
    getAccountSummary(operator.accountId),
    listInboundNumbers(),
    listAccounts({ pageSize: 200 }),
    listUnroutedInbound(25),
  ]);
  return (
    <>
      <PageHeader
        title="Numbers"
        description="Short codes and long numbers that receive messages, and the account each belongs to. A shared short code is split between accounts by keyword (the first word of a message)."
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card aria-labelledby="numbers-heading">
            <CardHeader id="numbers-heading" title="Assigned numbers" />
            <NumbersTable
              releaseAction={releaseNumberAction}
              empty={<EmptyState title="No numbers assigned" description="Assign one with the form or with smsctl number assign." />}
              numbers={numbers.map((number) => ({
                id: number.id,
                number: number.number,
                keyword: number.keyword,
                accountName: number.account.name,
                zeroRated: number.zeroRated,
                sendConfirmations: number.sendConfirmations,
                assigned: `${formatDateTime(number.createdAt, own.timezone)}${number.assignedBy ? ` by ${number.assignedBy}` : ""}`,
              }))}
            />
          </Card>
          <Card aria-labelledby="unrouted-heading">
            <CardHeader
              id="unrouted-heading"
              title={`Messages for no account (${unrouted.total.toLocaleString()})`}
              description="Inbound messages to numbers (or shared-code keywords) nobody owns. They are kept, never dropped."
            />
            {unrouted.latest.length === 0 ? (
              <EmptyState title="None" />
            ) : (
              <Table>
                <TableCaption>Latest inbound messages for no account</TableCaption>
                <THead>
                  <TR>
                    <TH>Received</TH>
                    <TH>To</TH>
                    <TH>From</TH>
                    <TH>Text</TH>
                  </TR>
                </THead>
                <TBody>
                  {unrouted.latest.map((message) => (
                    <TR key={message.id}>
                      <TD className="whitespace-nowrap">{formatDateTime(message.createdAt, own.timezone)}</TD>
                      <TD className="font-mono">{message.to}</TD>
                      <TD className="font-mono">{message.from}</TD>
                      <TD className="max-w-xs truncate">{message.body}</TD>
                    </TR>
                  ))}
                </TBody>
              </Table>
            )}
          </Card>
        </div>
        <Card aria-labelledby="assign-heading" className="self-start">
          <CardHeader id="assign-heading" title="Assign a number" />
          <CardBody>
            <AssignNumberForm action={assignNumberAction} accounts={accounts.accounts.map((account) => ({ id: account.id, label: `${account.name} (${account.ownerEmail ?? "no owner"})` }))} />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
