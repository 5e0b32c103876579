import { Table, TableCaption, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { formatCount, formatMoney, formatPercent } from "@/lib/format";
import type { MessageAnalytics } from "@/lib/analytics/get-message-analytics";

function RateCell({ rate }: { rate: number | null }) {
  if (rate === null) return <span className="text-slate-500">—</span>;
  const tone = rate >= 0.95 ? "text-green-700" : rate >= 0.8 ? "text-amber-700" : "text-red-700";
  return <span className={`font-medium ${tone}`}>{formatPercent(rate)}</span>;
}

/** Per network: messages, outcomes, delivery rate (over final messages) and captured cost, with a total row. */
export function NetworkTable({ analytics }: { analytics: MessageAnalytics }) {
  const { networks, totals } = analytics;
  return (
    <Table>
      <TableCaption>Delivery by network</TableCaption>
      <THead>
        <TR>
          <TH>Network</TH>
          <TH className="hidden text-right sm:table-cell">Messages</TH>
          <TH className="hidden text-right sm:table-cell">Delivered</TH>
          <TH className="hidden text-right sm:table-cell">Not delivered</TH>
          <TH className="hidden text-right sm:table-cell">In flight</TH>
          <TH className="text-right">Delivery rate</TH>
          <TH className="text-right">Cost</TH>
        </TR>
      </THead>
      <TBody>
        {networks.map((row) => (
          <TR key={row.operator} data-testid="network-row">
            <TD className="font-medium text-slate-900">{row.operator}</TD>
            <TD className="hidden text-right tabular-nums sm:table-cell">{formatCount(row.total)}</TD>
            <TD className="hidden text-right tabular-nums sm:table-cell">{formatCount(row.delivered)}</TD>
            <TD className="hidden text-right tabular-nums sm:table-cell">{formatCount(row.notDelivered)}</TD>
            <TD className="hidden text-right tabular-nums sm:table-cell">{formatCount(row.pending)}</TD>
            <TD className="text-right tabular-nums" data-testid="network-rate">
              <RateCell rate={row.deliveryRate} />
            </TD>
            <TD className="whitespace-nowrap text-right tabular-nums">{formatMoney(row.spent)}</TD>
          </TR>
        ))}
        <TR className="bg-slate-50 font-semibold">
          <TD className="whitespace-nowrap">All networks</TD>
          <TD className="hidden text-right tabular-nums sm:table-cell">{formatCount(totals.total)}</TD>
          <TD className="hidden text-right tabular-nums sm:table-cell">{formatCount(totals.delivered)}</TD>
          <TD className="hidden text-right tabular-nums sm:table-cell">{formatCount(totals.notDelivered)}</TD>
          <TD className="hidden text-right tabular-nums sm:table-cell">{formatCount(totals.pending)}</TD>
          <TD className="text-right tabular-nums" data-testid="overall-rate">
            <RateCell rate={totals.deliveryRate} />
          </TD>
          <TD className="whitespace-nowrap text-right tabular-nums">{formatMoney(totals.spent)}</TD>
        </TR>
      </TBody>
    </Table>
  );
}
