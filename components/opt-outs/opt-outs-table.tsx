"use client";

import Link from "next/link";
import { useActionState, type ReactNode } from "react";
import { FormMessage } from "@/components/ui/alert";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { Table, TableCaption, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { idleFormState, type FormAction } from "@/lib/form-state";

export interface OptOutListItem {
  phone: string;
  source: string;
  optedOutAt: string;
  historyHref: string;
}

const SOURCE_LABELS: Record<string, string> = { inbound_keyword: "Replied with a keyword", api: "API", portal: "Portal", import: "Import" };

/** The list with its "opt back in" buttons; `empty` shows when there are none (the last one's confirmation stays visible). */
export function OptOutsTable({ optOuts, empty, optBackInAction }: { optOuts: OptOutListItem[]; empty: ReactNode; optBackInAction: FormAction }) {
  const [state, optBackIn] = useActionState(optBackInAction, idleFormState);
  return (
    <div>
      <div className="empty:hidden [&>*]:mx-4 [&>*]:mt-4 sm:[&>*]:mx-6">
        <FormMessage state={state} />
      </div>
      {optOuts.length === 0 ? empty : (
        <Table>
          <TableCaption>Opted-out numbers</TableCaption>
          <THead>
            <TR>
              <TH>Phone</TH>
              <TH>How</TH>
              <TH>Opted out</TH>
              <TH>
                <span className="sr-only">Actions</span>
              </TH>
            </TR>
          </THead>
          <TBody>
            {optOuts.map((optOut) => (
              <TR key={optOut.phone} data-testid="opt-out-row">
                <TD className="font-mono">{optOut.phone}</TD>
                <TD>{SOURCE_LABELS[optOut.source] ?? optOut.source}</TD>
                <TD className="whitespace-nowrap">{optOut.optedOutAt}</TD>
                <TD>
                  <div className="flex flex-wrap items-center justify-end gap-3">
                    <Link href={optOut.historyHref} className="text-sm font-medium text-brand-700 underline">
                      History
                    </Link>
                    <ConfirmAction
                      action={optBackIn}
                      fields={{ phone: optOut.phone }}
                      label="Opt back in"
                      confirmLabel="Yes, opt back in"
                      question="Only with the person's consent. Send to this number again?"
                    />
                  </div>
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </div>
  );
}
