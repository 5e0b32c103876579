import type { Metadata } from "next";
import { LiveRefresh } from "@/components/messages/live-refresh";
import { MessageFilters, type MessageFilterValues } from "@/components/messages/message-filters";
import { MessagesTable } from "@/components/messages/messages-table";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { getAccountSummary } from "@/lib/accounts/get-account";
import { requireUser } from "@/lib/auth/session";
import { isFinalStatus } from "@/lib/messages/status";
import { getMessageFilterOptions, messageSearchFilters, messageSearchPage, readMessagePage } from "@/lib/messages/search-messages";

export const metadata: Metadata = { title: "Messages" };

const FILTER_KEYS = ["q", "status", "campaignId", "from", "class", "network", "since", "until"] as const;

function query(values: MessageFilterValues, extra: Record<string, string> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...values, ...extra })) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : "";
}

export default async function MessagesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const params = await searchParams;
  const first = (key: string) => {
    const value = params[key];
    return (Array.isArray(value) ? value[0] : value) || undefined;
  };
  const values: MessageFilterValues = Object.fromEntries(FILTER_KEYS.map((key) => [key, first(key)]));
  const [account, options] = await Promise.all([getAccountSummary(user.accountId), getMessageFilterOptions(user.accountId)]);
  const filters = messageSearchFilters.safeParse(values);
  const page = messageSearchPage.safeParse({ cursor: first("cursor") });
  const context = { accountId: user.accountId, defaultCountry: account.defaultCountry, timeZone: account.timezone };
  const result = filters.success && page.success ? await readMessagePage(context, filters.data, page.data.cursor, 50) : null;
  const filtered = Object.values(values).some(Boolean);
  const live = Boolean(result?.data.some((message) => !isFinalStatus(message.status)));

  return (
    <>
      <PageHeader
        title="Messages"
        description={`Every message sent from this account and its delivery status, newest first. Times in ${account.timezone}.`}
        actions={
          <ButtonLink href="/send" variant="primary">
            Send a message
          </ButtonLink>
        }
      />
      <Card>
        <MessageFilters values={values} options={options} exportHref={`/messages/export${query(values)}`} />
        {!result ? (
          <EmptyState title="These filters are not valid" description="Check the dates, the status and the search text." />
        ) : result.data.length === 0 ? (
          <EmptyState
            title={filtered ? "No messages match these filters" : "No messages yet"}
            description={filtered ? "Try other words, another status or a wider date range." : "Send one from the portal or through POST /v1/messages."}
          />
        ) : (
          <>
            <LiveRefresh active={live} />
            <MessagesTable rows={result.data} timeZone={account.timezone} />
            <Pagination
              label={first("cursor") ? "Older messages" : "Newest messages"}
              previousHref={first("cursor") ? `/messages${query(values)}` : undefined}
              nextHref={result.nextCursor ? `/messages${query(values, { cursor: result.nextCursor })}` : undefined}
            />
          </>
        )}
      </Card>
    </>
  );
}
