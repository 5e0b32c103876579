import Link from "next/link";
import { MESSAGE_GROUPS, type MessageGroup } from "@/components/campaigns/campaign-outcome";
import { StatusBadge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { formatDateTime, formatMoney } from "@/lib/format";

export type MessageTab = "all" | MessageGroup;

const TAB_LABELS: Record<MessageTab, string> = { all: "All", delivered: "Delivered", failed: "Failed", pending: "Pending" };

export function messageTab(text: string | undefined): MessageTab {
  return text === "delivered" || text === "failed" || text === "pending" ? text : "all";
}

export function tabStatuses(tab: MessageTab): readonly string[] | undefined {
  return tab === "all" ? undefined : MESSAGE_GROUPS[tab];
}

/** Per-outcome tabs over a campaign's messages, with their counts. */
export function MessageTabs({ campaignId, tab, counts }: { campaignId: string; tab: MessageTab; counts: Record<MessageTab, number> }) {
  return (
    <nav className="flex flex-wrap gap-1 border-b border-slate-200 px-4" aria-label="Messages by outcome">
      {(Object.keys(TAB_LABELS) as MessageTab[]).map((candidate) => (
        <Link
          key={candidate}
          href={`/campaigns/${campaignId}?tab=${candidate}`}
          aria-current={candidate === tab ? "page" : undefined}
          className={candidate === tab ? "-mb-px border-b-2 border-brand-600 px-3 py-2 text-sm font-semibold text-slate-900" : "px-3 py-2 text-sm text-slate-600 hover:text-slate-900"}
        >
          {TAB_LABELS[candidate]} <span className="text-slate-500">{counts[candidate].toLocaleString()}</span>
        </Link>
      ))}
    </nav>
  );
}

export interface CampaignMessageRow {
  id: string;
  to: string;
  status: string;
  statusReason: string | null;
  segments: number;
  cost: number;
  updatedAt: Date;
}

/** The account's own users see full numbers (masking is for logs); reasons show why a message failed. */
export function CampaignMessagesTable({ messages, timezone, emptyText }: { messages: CampaignMessageRow[]; timezone: string; emptyText: string }) {
  if (messages.length === 0) return <EmptyState title="No messages" description={emptyText} />;
  return (
    <Table>
      <THead>
        <TR>
          <TH>To</TH>
          <TH>Status</TH>
          <TH>Reason</TH>
          <TH>Segments</TH>
          <TH>Cost</TH>
          <TH>Updated</TH>
        </TR>
      </THead>
      <TBody>
        {messages.map((message) => (
          <TR key={message.id}>
            <TD className="font-mono">
              <Link href={`/messages/${message.id}`} className="hover:underline">{message.to}</Link>
            </TD>
            <TD><StatusBadge status={message.status} /></TD>
            <TD className="max-w-xs break-words text-slate-600">{message.statusReason ?? "—"}</TD>
            <TD>{message.segments}</TD>
            <TD>{formatMoney(message.cost)}</TD>
            <TD className="whitespace-nowrap">{formatDateTime(message.updatedAt, timezone)}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
