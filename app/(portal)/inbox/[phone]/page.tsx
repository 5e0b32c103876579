import type { Metadata } from "next";
import { replyAction } from "@/app/(portal)/inbox/actions";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ReplyForm } from "@/components/inbox/reply-form";
import { Badge, StatusBadge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { PageHeader } from "@/components/ui/page-header";
import { getAccountSummary } from "@/lib/accounts/get-account";
import { requireUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { AppError } from "@/lib/http/errors";
import { getConversation, markConversationRead, type ConversationEntry } from "@/lib/inbox/conversations";
import { phoneFromPortalPath } from "@/lib/http/phone-param";

export const metadata: Metadata = { title: "Conversation" };

const ACTION_LABELS: Record<string, string> = { opt_out: "opted out", opt_in: "opted back in", help: "asked for help", reply: "keyword reply" };

function EntryMeta({ entry, timezone }: { entry: ConversationEntry; timezone: string }) {
  return (
    <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-500">
      <time dateTime={entry.at.toISOString()}>{formatDateTime(entry.at, timezone)}</time>
      {entry.direction === "inbound" ? (
        <>
          {entry.unread ? <Badge tone="brand">New</Badge> : null}
          {entry.keyword ? <Badge tone="info">{`${entry.keyword}${entry.action ? ` · ${ACTION_LABELS[entry.action] ?? entry.action}` : ""}`}</Badge> : null}
          {entry.replyError ? <span className="text-red-700">Automatic reply not sent: {entry.replyError}</span> : null}
        </>
      ) : (
        <>
          <StatusBadge status={entry.status} />
          {entry.automatic ? <span>Automatic reply</span> : null}
          <Link href={`/messages/${entry.id}`} className="underline">
            Details
          </Link>
        </>
      )}
    </p>
  );
}

export default async function ConversationPage({ params }: { params: Promise<{ phone: string }> }) {
  const user = await requireUser();
  const phone = phoneFromPortalPath((await params).phone);
  const account = await getAccountSummary(user.accountId);
  const conversation = await getConversation(user.accountId, phone).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  await markConversationRead(user.accountId, phone);
  return (
    <>
      <PageHeader
        title={<span className="font-mono">{conversation.phone}</span>}
        description={`Conversation with your number ${conversation.number}.`}
        actions={
          <Link href="/inbox" className="text-sm font-medium text-brand-700 underline">
            Back to inbox
          </Link>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2" aria-labelledby="thread-heading">
          <CardHeader id="thread-heading" title="Messages" description="Received and sent, oldest first (the latest 100 each way)." />
          <CardBody>
            <ol aria-label="Messages in this conversation" className="space-y-3">
              {conversation.entries.map((entry) => (
                <li
                  key={`${entry.direction}-${entry.id}`}
                  data-testid={`conversation-${entry.direction}`}
                  className={cn("flex", entry.direction === "outbound" ? "justify-end" : "justify-start")}
                >
                  <div className={cn("max-w-[80%] rounded-lg px-3 py-2", entry.direction === "outbound" ? "bg-brand-50 text-slate-900" : "bg-slate-100 text-slate-900")}>
                    <p className="sr-only">{entry.direction === "outbound" ? "You wrote:" : "They wrote:"}</p>
                    <p className="whitespace-pre-wrap break-words text-sm">{entry.body || <em className="text-slate-500">(empty message)</em>}</p>
                    <EntryMeta entry={entry} timezone={account.timezone} />
                  </div>
                </li>
              ))}
            </ol>
          </CardBody>
        </Card>
        <Card aria-labelledby="reply-heading">
          <CardHeader id="reply-heading" title="Send a reply" />
          <CardBody>
            <ReplyForm phone={conversation.phone} number={conversation.number} action={replyAction} />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
