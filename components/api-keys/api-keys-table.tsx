"use client";

import { useActionState } from "react";
import { IssuedKeyCallout } from "@/components/api-keys/issued-key-callout";
import { FormMessage } from "@/components/ui/alert";
import { StatusBadge } from "@/components/ui/badge";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { Table, TableCaption, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { IssuedKey } from "@/lib/api-keys/issued-key";
import { idleFormState, type FormAction } from "@/lib/form-state";

export interface ApiKeyListItem {
  id: string;
  name: string;
  prefix: string;
  created: string;
  lastUsed: string;
  status: "active" | "expiring" | "expired" | "revoked";
  statusLabel: string;
}

export function ApiKeysTable({ keys, rotateAction, revokeAction }: { keys: ApiKeyListItem[]; rotateAction: FormAction<IssuedKey>; revokeAction: FormAction }) {
  const [rotation, rotate] = useActionState(rotateAction, idleFormState);
  const [revocation, revoke] = useActionState(revokeAction, idleFormState);
  return (
    <div>
      <div className="space-y-3 empty:hidden [&>*]:mx-4 [&>*]:mt-4 sm:[&>*]:mx-6">
        {rotation.status === "success" && rotation.data ? <IssuedKeyCallout issued={rotation.data} title={`Replacement key for “${rotation.data.name}”`} /> : null}
        {rotation.status === "error" ? <FormMessage state={rotation} /> : null}
        <FormMessage state={revocation} />
      </div>
      <Table>
        <TableCaption>API keys</TableCaption>
        <THead>
          <TR>
            <TH>Name</TH>
            <TH>Key</TH>
            <TH>Created</TH>
            <TH>Last used</TH>
            <TH>Status</TH>
            <TH>
              <span className="sr-only">Actions</span>
            </TH>
          </TR>
        </THead>
        <TBody>
          {keys.map((key) => (
            <TR key={key.id} data-testid="api-key-row">
              <TD className="font-medium">{key.name}</TD>
              <TD>
                <code className="font-mono text-xs text-slate-700">{key.prefix}…</code>
              </TD>
              <TD className="whitespace-nowrap">{key.created}</TD>
              <TD className="whitespace-nowrap">{key.lastUsed}</TD>
              <TD>
                <StatusBadge status={key.status} label={key.statusLabel} />
              </TD>
              <TD>
                {key.status === "active" || key.status === "expiring" ? (
                  <div className="flex flex-wrap justify-end gap-2">
                    {key.status === "active" ? (
                      <ConfirmAction
                        action={rotate}
                        fields={{ id: key.id }}
                        label="Rotate"
                        confirmLabel="Rotate key"
                        question="Issue a new key? This one stops working in 24 hours."
                        variant="primary"
                      />
                    ) : null}
                    <ConfirmAction action={revoke} fields={{ id: key.id }} label="Revoke" confirmLabel="Revoke key" question="Revoke now? Requests using it fail at once." />
                  </div>
                ) : null}
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
