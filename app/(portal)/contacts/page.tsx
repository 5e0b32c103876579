import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { AutoRefresh } from "@/components/contacts/auto-refresh";
import { ProgressBar } from "@/components/contacts/progress-bar";
import { getAccountSummary } from "@/lib/accounts/get-account";
import { requireUser } from "@/lib/auth/session";
import { listContactLists } from "@/lib/contacts/get-contact-lists";
import { formatZonedDateTime } from "@/lib/format-zoned";

export const metadata: Metadata = { title: "Contacts" };

export default async function ContactsPage() {
  const user = await requireUser();
  const [lists, account] = await Promise.all([listContactLists(user.accountId), getAccountSummary(user.accountId)]);
  return (
    <>
      <PageHeader title="Contacts" description="Contact lists for campaigns: upload a CSV or paste numbers." actions={<ButtonLink href="/contacts/new" variant="primary">New contact list</ButtonLink>} />
      <AutoRefresh active={lists.some((list) => list.status === "validating")} />
      <Card>
        {lists.length === 0 ? (
          <EmptyState title="No contact lists yet" description="Upload a CSV or paste numbers; we check every number before you send." action={<ButtonLink href="/contacts/new">New contact list</ButtonLink>} />
        ) : (
          <Table>
            <THead>
              <TR>
                <TH>Name</TH>
                <TH>Status</TH>
                <TH>Valid</TH>
                <TH>Invalid</TH>
                <TH>Duplicates</TH>
                <TH>Created</TH>
              </TR>
            </THead>
            <TBody>
              {lists.map((list) => (
                <TR key={list.id}>
                  <TD>
                    <Link href={`/contacts/${list.id}`} className="font-medium text-slate-900 hover:underline">
                      {list.name}
                    </Link>
                  </TD>
                  <TD>{list.status === "validating" ? <ProgressBar value={list.progress} label="Validating" /> : <StatusBadge status={list.status} />}</TD>
                  <TD>{list.validCount.toLocaleString()}</TD>
                  <TD>{list.invalidCount.toLocaleString()}</TD>
                  <TD>{list.duplicateCount.toLocaleString()}</TD>
                  <TD className="whitespace-nowrap">{formatZonedDateTime(list.createdAt, account.timezone)}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </Card>
    </>
  );
}
