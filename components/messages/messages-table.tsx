import Link from "next/link";
import { MessageStatusBadge } from "@/components/messages/message-status";
import { Table, TableCaption, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { formatDateTimeSeconds, formatMoney } from "@/lib/format";

export interface MessageListRow {
  id: string;
  to: string;
  from: string;
  body: string;
  status: string;
  operator: string;
  segments: number;
  cost: number;
  createdAt: Date;
}

/**
 * The messages list. On a phone (390 px) it keeps recipient, status and time; the text, network,
 * parts and cost columns appear as the screen widens.
 */
export function MessagesTable({ rows, timeZone }: { rows: MessageListRow[]; timeZone: string }) {
  return (
    <Table className="w-full table-fixed sm:table-auto">
      <TableCaption>Messages</TableCaption>
      <THead>
        <TR>
          <TH className="w-[38%] sm:w-auto">Recipient</TH>
          <TH className="hidden md:table-cell">Message</TH>
          <TH className="w-[30%] sm:w-auto">Status</TH>
          <TH className="hidden lg:table-cell">Network</TH>
          <TH className="hidden lg:table-cell">Parts</TH>
          <TH className="hidden sm:table-cell">Cost</TH>
          <TH>Created</TH>
        </TR>
      </THead>
      <TBody>
        {rows.map((message) => (
          <TR key={message.id} data-testid="message-row">
            <TD className="px-2 font-mono text-xs sm:px-4 sm:text-sm">
              <Link href={`/messages/${message.id}`} className="break-all text-brand-700 underline">
                {message.to}
              </Link>
              <span className="mt-0.5 block truncate font-sans text-xs text-slate-500 md:hidden">{message.body}</span>
            </TD>
            <TD className="hidden max-w-xs truncate text-slate-600 md:table-cell">
              <span className="mr-2 font-mono text-xs text-slate-500">{message.from}</span>
              {message.body}
            </TD>
            <TD className="px-2 sm:px-4">
              <MessageStatusBadge status={message.status} />
            </TD>
            <TD className="hidden whitespace-nowrap lg:table-cell">{message.operator}</TD>
            <TD className="hidden tabular-nums lg:table-cell">{message.segments}</TD>
            <TD className="hidden whitespace-nowrap tabular-nums sm:table-cell">{formatMoney(message.cost)}</TD>
            <TD className="px-2 text-xs tabular-nums sm:whitespace-nowrap sm:px-4 sm:text-sm">{formatDateTimeSeconds(message.createdAt, timeZone)}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
