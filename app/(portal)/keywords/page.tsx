import type { Metadata } from "next";
import { createKeywordAction, deleteKeywordAction, setConfirmationsAction, updateKeywordAction } from "@/app/(portal)/keywords/actions";
import { ConfirmationToggle } from "@/components/keywords/confirmation-toggle";
import { CreateKeywordForm } from "@/components/keywords/create-keyword-form";
import { KeywordsTable } from "@/components/keywords/keywords-table";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableCaption, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/session";
import { listAccountNumbers } from "@/lib/inbound-numbers/manage-numbers";
import { listKeywords } from "@/lib/keywords/manage-keywords";

export const metadata: Metadata = { title: "Keywords" };

const STANDARD_LABELS = { opt_out: "Opt out", opt_in: "Opt in", help: "Help text" } as const;

export default async function KeywordsPage() {
  const user = await requireUser();
  const [keywords, numbers] = await Promise.all([listKeywords(user.accountId), listAccountNumbers(user.accountId)]);
  const distinctNumbers = [...new Set(numbers.map((number) => number.number))];
  return (
    <>
      <PageHeader
        title="Keywords"
        description="What happens when someone texts a word to your numbers. The first word of a message is matched, in any case; automatic replies are sent from the number and charged like any message."
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card aria-labelledby="numbers-heading">
            <CardHeader id="numbers-heading" title="Your numbers" description="Assigned by an operator. Confirmations answer STOP and START; they are off by default on zero-rated short codes." />
            {numbers.length === 0 ? (
              <EmptyState title="No numbers yet" description="Ask an operator to assign a short code or long number to your account." />
            ) : (
              <Table>
                <TableCaption>Your inbound numbers</TableCaption>
                <THead>
                  <TR>
                    <TH>Number</TH>
                    <TH>Keyword on shared code</TH>
                    <TH>Confirmations</TH>
                    <TH>
                      <span className="sr-only">Change</span>
                    </TH>
                  </TR>
                </THead>
                <TBody>
                  {numbers.map((number) => (
                    <TR key={number.id} data-testid="inbound-number-row">
                      <TD className="font-mono">
                        {number.number} {number.zeroRated ? <Badge tone="info">Zero-rated</Badge> : null}
                      </TD>
                      <TD>{number.keyword ?? "—"}</TD>
                      <TD>{number.sendConfirmations ? <Badge tone="success">On</Badge> : <Badge>Off</Badge>}</TD>
                      <TD>
                        <ConfirmationToggle numberId={number.id} enabled={number.sendConfirmations} action={setConfirmationsAction} />
                      </TD>
                    </TR>
                  ))}
                </TBody>
              </Table>
            )}
          </Card>
          <Card aria-labelledby="keywords-heading">
            <CardHeader id="keywords-heading" title="Your keywords" />
            <KeywordsTable
              updateAction={updateKeywordAction}
              deleteAction={deleteKeywordAction}
              keywords={keywords.data.map((keyword) => ({ id: keyword.id, keyword: keyword.keyword, action: keyword.action, reply: keyword.reply, number: keyword.number }))}
              empty={<EmptyState title="No keywords yet" description="Add one to answer a word automatically, e.g. PRICE with today's prices." />}
            />
          </Card>
          <Card aria-labelledby="standard-heading">
            <CardHeader id="standard-heading" title="Standard keywords" description="Every account answers these. Add one of these words above to change its text; what it does stays the same." />
            <Table>
              <TableCaption>Standard keywords</TableCaption>
              <THead>
                <TR>
                  <TH>Keyword</TH>
                  <TH>Does</TH>
                  <TH>Text</TH>
                </TR>
              </THead>
              <TBody>
                {keywords.standard.map((standard) => (
                  <TR key={standard.keyword}>
                    <TD className="font-mono">{standard.keyword}</TD>
                    <TD>{STANDARD_LABELS[standard.action]}</TD>
                    <TD>{standard.overridden ? "Yours" : "Standard"}</TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          </Card>
        </div>
        <Card aria-labelledby="add-keyword-heading" className="self-start">
          <CardHeader id="add-keyword-heading" title="Add a keyword" />
          <CardBody>
            <CreateKeywordForm numbers={distinctNumbers} action={createKeywordAction} />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
