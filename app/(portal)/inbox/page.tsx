import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination, pageHref } from "@/components/ui/pagination";
import { getAccountSummary } from "@/lib/accounts/get-account";
import { requireUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { countUnreadInbound, listConversations } from "@/lib/inbox/conversations";
import { conversationPath } from "@/lib/inbox/schemas";
import { listAccountNumbers } from "@/lib/inbound-numbers/manage-numbers";

export const metadata: Metadata = { title: "Inbox" };

type SearchParams = Promise<{ page?: string }>;

export default async function InboxPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  const page = Math.max(1, Number.parseInt((await searchParams).page ?? "1", 10) || 1);
  const [account, result, unread, numbers] = await Promise.all([
    getAccountSummary(user.accountId),
    listConversations(user.accountId, page),
    countUnreadInbound(user.accountId),
    listAccountNumbers(user.accountId),
  ]);
  return (
    <>
      <PageHeader
        title="Inbox"
        description={
          numbers.length > 0
            ? `Messages people sent to ${numbers.map((number) => (number.keyword ? `${number.number} (${number.keyword})` : number.number)).join(", ")}, with your replies.`
            : "Messages people send to your short codes and numbers. An operator assigns numbers to your account."
        }
        actions={unread > 0 ? <Badge tone="brand">{unread} unread</Badge> : null}
      />
      <Card>
        {result.conversations.length === 0 ? (
          <EmptyState title="No messages yet" description="When someone texts one of your numbers, the conversation appears here." />
        ) : (
          <ul aria-label="Conversations" className="divide-y divide-slate-100">
            {result.conversations.map((conversation) => (
              <li key={conversation.phone} data-testid="conversation-row">
                <Link href={conversationPath(conversation.phone)} className="flex flex-wrap items-start justify-between gap-3 px-4 py-3 hover:bg-slate-50 sm:px-6">
                  <div className="min-w-0">
                    <p className={conversation.unread > 0 ? "font-semibold text-slate-900" : "font-medium text-slate-800"}>
                      <span className="font-mono">{conversation.phone}</span>
                      <span className="ml-2 text-xs font-normal text-slate-500">to {conversation.number}</span>
                    </p>
                    <p className="mt-0.5 truncate text-sm text-slate-600">{conversation.lastBody || "(empty message)"}</p>
                  </div>
                  <div className="flex shrink-0 items-center gap-2 text-xs text-slate-500">
                    {conversation.unread > 0 ? <Badge tone="brand">{conversation.unread} new</Badge> : null}
                    <span>{formatDateTime(conversation.lastInboundAt, account.timezone)}</span>
                  </div>
                </Link>
              </li>
            ))}
          </ul>
        )}
        <Pagination
          label={`Page ${page}`}
          previousHref={page > 1 ? pageHref("/inbox", {}, page - 1) : undefined}
          nextHref={result.hasNextPage ? pageHref("/inbox", {}, page + 1) : undefined}
        />
      </Card>
    </>
  );
}
