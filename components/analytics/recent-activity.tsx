import Link from "next/link";
import { StatusBadge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatCount, formatDateTimeSeconds } from "@/lib/format";
import { messageStatusLabel } from "@/lib/messages/status";

export interface RecentCampaign {
  id: string;
  name: string;
  status: string;
  messageCount: number;
  createdAt: Date;
}

export interface RecentMessage {
  id: string;
  to: string;
  body: string;
  status: string;
  createdAt: Date;
}

const linkClass = "font-medium text-brand-700 underline-offset-2 hover:underline";

export function RecentCampaigns({ campaigns, timeZone }: { campaigns: RecentCampaign[]; timeZone: string }) {
  return (
    <Card className="min-w-0" aria-labelledby="recent-campaigns-heading">
      <CardHeader id="recent-campaigns-heading" title="Recent campaigns" actions={<Link href="/campaigns" className={`text-sm ${linkClass}`}>All campaigns</Link>} />
      {campaigns.length === 0 ? (
        <EmptyState title="No campaigns yet" description="Send to a contact list from Campaigns." />
      ) : (
        <ul className="divide-y divide-slate-100">
          {campaigns.map((campaign) => (
            <li key={campaign.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3 sm:px-6">
              <div className="min-w-0">
                <Link href={`/campaigns/${campaign.id}`} className={`block truncate text-sm ${linkClass}`}>
                  {campaign.name}
                </Link>
                <p className="text-xs text-slate-500">
                  {formatCount(campaign.messageCount)} messages · {formatDateTimeSeconds(campaign.createdAt, timeZone)}
                </p>
              </div>
              <StatusBadge status={campaign.status} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

export function RecentMessages({ messages, timeZone }: { messages: RecentMessage[]; timeZone: string }) {
  return (
    <Card className="min-w-0" aria-labelledby="recent-messages-heading">
      <CardHeader id="recent-messages-heading" title="Recent messages" actions={<Link href="/messages" className={`text-sm ${linkClass}`}>All messages</Link>} />
      {messages.length === 0 ? (
        <EmptyState title="No messages yet" description="Send one from the portal or through POST /v1/messages." />
      ) : (
        <ul className="divide-y divide-slate-100">
          {messages.map((message) => (
            <li key={message.id} className="flex items-center justify-between gap-2 px-4 py-3 sm:px-6">
              <div className="min-w-0">
                <Link href={`/messages/${message.id}`} className={`font-mono text-sm ${linkClass}`}>
                  {message.to}
                </Link>
                <p className="truncate text-xs text-slate-500">
                  {formatDateTimeSeconds(message.createdAt, timeZone)} · {message.body}
                </p>
              </div>
              <StatusBadge status={message.status} label={messageStatusLabel(message.status)} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
