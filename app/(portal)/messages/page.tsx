import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink, Button } from "@/components/ui/button";
import { StatusBadge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Select } from "@/components/ui/select";
import { Table, TableCaption, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { getAccountSummary } from "@/lib/accounts/get-account";
import { requireUser } from "@/lib/auth/session";
import { formatDateTime, formatMoney } from "@/lib/format";
import { MessageStatus } from "@/lib/generated/prisma/enums";
import { listMessages } from "@/lib/messages/get-messages";
import { listMessagesQuery } from "@/lib/messages/schemas";

export const metadata: Metadata = { title: "Messages" };

type SearchParams = Promise<{ status?: string; recipient?: string; since?: string; until?: string; cursor?: string }>;

const STATUS_OPTIONS = [{ value: "", label: "Any status" }, ...Object.values(MessageStatus).map((status) => ({ value: status, label: status }))];

/** Dates from the filter form (yyyy-mm-dd) as the start of that day; `until` is exclusive of the next day. */
function dayBoundary(value: string | undefined, nextDay: boolean): string | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return undefined;
  if (nextDay) date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString();
}

function href(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const query = search.toString();
  return query ? `/messages?${query}` : "/messages";
}

export default async function MessagesPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  const params = await searchParams;
  const account = await getAccountSummary(user.accountId);
  const filters = { status: params.status || undefined, recipient: params.recipient || undefined, since: params.since, until: params.until };
  const parsed = listMessagesQuery.safeParse({
    status: filters.status,
    recipient: filters.recipient,
    since: dayBoundary(params.since, false),
    until: dayBoundary(params.until, true),
    cursor: params.cursor || undefined,
    limit: 50,
  });
  const page = parsed.success ? await listMessages(user.accountId, account.defaultCountry, parsed.data) : { data: [], nextCursor: null };
  const filtered = Boolean(filters.status || filters.recipient || filters.since || filters.until);

  return (
    <>
      <PageHeader
        title="Messages"
        description="Every message sent from this account and its delivery status, newest first."
        actions={<ButtonLink href="/send" variant="primary">Send a message</ButtonLink>}
      />
      <Card>
        <form method="get" className="flex flex-wrap items-end gap-3 border-b border-slate-200 px-4 py-3 sm:px-6">
          <Field id="filter-status" label="Status">
            <Select name="status" defaultValue={filters.status ?? ""} options={STATUS_OPTIONS} />
          </Field>
          <Field id="filter-recipient" label="Recipient">
            <Input name="recipient" defaultValue={filters.recipient ?? ""} placeholder="0712 345 678" />
          </Field>
          <Field id="filter-since" label="From">
            <Input type="date" name="since" defaultValue={filters.since ?? ""} />
          </Field>
          <Field id="filter-until" label="To">
            <Input type="date" name="until" defaultValue={filters.until ?? ""} />
          </Field>
          <Button type="submit" variant="secondary">Filter</Button>
          {filtered ? <Link href="/messages" className="text-sm text-slate-600 underline">Clear</Link> : null}
        </form>
        {!parsed.success ? (
          <EmptyState title="These filters are not valid" description="Check the dates and the status." />
        ) : page.data.length === 0 ? (
          <EmptyState
            title={filtered ? "No messages match these filters" : "No messages yet"}
            description={filtered ? "Try another status, recipient or date range." : "Send one from the portal or through POST /v1/messages."}
          />
        ) : (
          <>
            <Table>
              <TableCaption>Messages</TableCaption>
              <THead>
                <TR>
                  <TH>Recipient</TH>
                  <TH>Message</TH>
                  <TH>Status</TH>
                  <TH>Parts</TH>
                  <TH>Cost</TH>
                  <TH>Created</TH>
                </TR>
              </THead>
              <TBody>
                {page.data.map((message) => (
                  <TR key={message.id} data-testid="message-row">
                    <TD className="whitespace-nowrap font-mono">
                      <Link href={`/messages/${message.id}`} className="text-brand-700 underline">
                        {message.to}
                      </Link>
                    </TD>
                    <TD className="max-w-xs truncate text-slate-600">
                      <span className="mr-2 font-mono text-xs text-slate-500">{message.from}</span>
                      {message.body}
                    </TD>
                    <TD>
                      <StatusBadge status={message.status} />
                    </TD>
                    <TD className="tabular-nums">{message.segments}</TD>
                    <TD className="whitespace-nowrap tabular-nums">{formatMoney(message.cost)}</TD>
                    <TD className="whitespace-nowrap">{formatDateTime(message.createdAt, account.timezone)}</TD>
                  </TR>
                ))}
              </TBody>
            </Table>
            <Pagination
              label={params.cursor ? "Older messages" : "Newest messages"}
              previousHref={params.cursor ? href(filters) : undefined}
              nextHref={page.nextCursor ? href({ ...filters, cursor: page.nextCursor }) : undefined}
            />
          </>
        )}
      </Card>
    </>
  );
}
