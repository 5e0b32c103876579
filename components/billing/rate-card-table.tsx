import { Table, TableCaption, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { formatMoney } from "@/lib/format";

export interface RateCardView {
  tierName: string;
  currency: string;
  defaultRate: number;
  rates: { country: string; operator: string; ratePerSegment: number }[];
}

/** Price per SMS segment by network; networks without their own price pay the tier's default. */
export function RateCardTable({ card }: { card: RateCardView }) {
  return (
    <Table>
      <TableCaption>Price per segment by network</TableCaption>
      <THead>
        <TR>
          <TH>Network</TH>
          <TH>Country</TH>
          <TH className="text-right">Per segment</TH>
        </TR>
      </THead>
      <TBody>
        {card.rates.map((rate) => (
          <TR key={`${rate.country}-${rate.operator}`} data-testid="rate-row">
            <TD className="font-medium text-slate-900">{rate.operator}</TD>
            <TD>{rate.country}</TD>
            <TD className="whitespace-nowrap text-right tabular-nums">{formatMoney(rate.ratePerSegment, card.currency)}</TD>
          </TR>
        ))}
        <TR data-testid="rate-row">
          <TD className="text-slate-600">Any other network</TD>
          <TD className="text-slate-600">—</TD>
          <TD className="whitespace-nowrap text-right tabular-nums">{formatMoney(card.defaultRate, card.currency)}</TD>
        </TR>
      </TBody>
    </Table>
  );
}
