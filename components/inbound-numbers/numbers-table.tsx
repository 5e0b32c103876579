"use client";

import { useActionState, type ReactNode } from "react";
import { FormMessage } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { Table, TableCaption, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { idleFormState, type FormAction } from "@/lib/form-state";

export interface NumberListItem {
  id: string;
  number: string;
  keyword: string | null;
  accountName: string;
  zeroRated: boolean;
  sendConfirmations: boolean;
  assigned: string;
}

/** Every assigned number with a release button; `empty` shows when there are none. */
export function NumbersTable({ numbers, empty, releaseAction }: { numbers: NumberListItem[]; empty: ReactNode; releaseAction: FormAction }) {
  const [state, release] = useActionState(releaseAction, idleFormState);
  return (
    <div>
      <div className="empty:hidden [&>*]:mx-4 [&>*]:mt-4 sm:[&>*]:mx-6">
        <FormMessage state={state} />
      </div>
      {numbers.length === 0 ? empty : (
        <Table>
          <TableCaption>Assigned numbers</TableCaption>
          <THead>
            <TR>
              <TH>Number</TH>
              <TH>Keyword</TH>
              <TH>Account</TH>
              <TH>Confirmations</TH>
              <TH>Assigned</TH>
              <TH>
                <span className="sr-only">Actions</span>
              </TH>
            </TR>
          </THead>
          <TBody>
            {numbers.map((number) => (
              <TR key={number.id} data-testid="operator-number-row">
                <TD className="font-mono">
                  {number.number} {number.zeroRated ? <Badge tone="info">Zero-rated</Badge> : null}
                </TD>
                <TD>{number.keyword ?? "All messages"}</TD>
                <TD>{number.accountName}</TD>
                <TD>{number.sendConfirmations ? "On" : "Off"}</TD>
                <TD className="whitespace-nowrap">{number.assigned}</TD>
                <TD>
                  <ConfirmAction
                    action={release}
                    fields={{ id: number.id }}
                    label="Release"
                    confirmLabel="Release number"
                    question="Messages to it will no longer reach this account."
                  />
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </div>
  );
}
