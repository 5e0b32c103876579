"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/alert";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { Table, TableCaption, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { idleFormState, type FormAction } from "@/lib/form-state";

export interface InviteItem {
  id: string;
  email: string;
  roleLabel: string;
  invitedBy: string;
  expires: string;
}

export function InvitesTable({ invites, revokeAction }: { invites: InviteItem[]; revokeAction: FormAction }) {
  const [revocation, revoke] = useActionState(revokeAction, idleFormState);
  return (
    <div>
      <div className="px-6 pt-2">
        <FormMessage state={revocation} />
      </div>
      <Table>
        <TableCaption>Pending invitations</TableCaption>
        <THead>
          <TR>
            <TH>Email</TH>
            <TH>Role</TH>
            <TH>Invited by</TH>
            <TH>Expires</TH>
            <TH>
              <span className="sr-only">Actions</span>
            </TH>
          </TR>
        </THead>
        <TBody>
          {invites.map((invite) => (
            <TR key={invite.id} data-testid="team-invite">
              <TD className="break-all">{invite.email}</TD>
              <TD>{invite.roleLabel}</TD>
              <TD className="break-all">{invite.invitedBy}</TD>
              <TD className="whitespace-nowrap">{invite.expires}</TD>
              <TD>
                <ConfirmAction action={revoke} fields={{ id: invite.id }} label="Revoke" confirmLabel="Revoke invite" question="Revoke? The link stops working." />
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
