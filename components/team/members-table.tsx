"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { Table, TableCaption, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { idleFormState, type FormAction } from "@/lib/form-state";

export interface MemberItem {
  id: string;
  name: string;
  email: string;
  role: string;
  roleLabel: string;
  joined: string;
  lastSignIn: string;
  isYou: boolean;
  /** Whether the viewer may change this member's role or remove them. */
  manageable: boolean;
}

export function MembersTable({
  members,
  roles,
  changeRoleAction,
  removeAction,
}: {
  members: MemberItem[];
  roles: { value: string; label: string }[];
  changeRoleAction: FormAction;
  removeAction: FormAction;
}) {
  const [change, changeRole] = useActionState(changeRoleAction, idleFormState);
  const [removal, remove] = useActionState(removeAction, idleFormState);
  return (
    <div>
      <div className="space-y-2 px-6 pt-2">
        <FormMessage state={change} />
        <FormMessage state={removal} />
      </div>
      <Table>
        <TableCaption>Members of the account</TableCaption>
        <THead>
          <TR>
            <TH>Name</TH>
            <TH>Email</TH>
            <TH>Role</TH>
            <TH>Joined</TH>
            <TH>Last sign-in</TH>
            <TH>
              <span className="sr-only">Actions</span>
            </TH>
          </TR>
        </THead>
        <TBody>
          {members.map((member) => (
            <TR key={member.id} data-testid="team-member">
              <TD>
                {member.name} {member.isYou ? <span className="text-xs text-slate-500">(you)</span> : null}
              </TD>
              <TD className="break-all">{member.email}</TD>
              <TD>
                {member.manageable ? (
                  <form action={changeRole} className="flex items-center gap-2">
                    <input type="hidden" name="id" value={member.id} />
                    <Select name="role" defaultValue={member.role} options={roles} aria-label={`Role of ${member.email}`} className="w-32" />
                    <SubmitButton size="sm" variant="secondary" pendingLabel="Saving…">
                      Save role
                    </SubmitButton>
                  </form>
                ) : (
                  <Badge tone={member.role === "owner" ? "info" : "neutral"}>{member.roleLabel}</Badge>
                )}
              </TD>
              <TD className="whitespace-nowrap">{member.joined}</TD>
              <TD className="whitespace-nowrap">{member.lastSignIn}</TD>
              <TD>
                {member.manageable && !member.isYou ? (
                  <ConfirmAction action={remove} fields={{ id: member.id }} label="Remove" confirmLabel="Remove member" question={`Remove ${member.email}? They are signed out at once.`} />
                ) : null}
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
