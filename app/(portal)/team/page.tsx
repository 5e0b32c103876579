import type { Metadata } from "next";
import { changeRoleAction, inviteMemberAction, removeMemberAction, revokeInviteAction } from "@/app/(portal)/team/actions";
import { InviteForm } from "@/components/team/invite-form";
import { InvitesTable, type InviteItem } from "@/components/team/invites-table";
import { MembersTable, type MemberItem } from "@/components/team/members-table";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getAccountSummary } from "@/lib/accounts/get-account";
import { roleLabel, type Role } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { listTeam } from "@/lib/team/list-team";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage() {
  const user = await requireRole("team");
  const [account, team] = await Promise.all([getAccountSummary(user.accountId), listTeam(user.accountId)]);
  const grantable: Role[] = user.role === "owner" ? ["owner", "admin", "member"] : ["admin", "member"];
  const roles = grantable.map((role) => ({ value: role, label: roleLabel(role) }));
  const members: MemberItem[] = team.members.map((member) => ({
    id: member.id,
    name: member.name,
    email: member.email,
    role: member.role,
    roleLabel: roleLabel(member.role),
    joined: formatDateTime(member.createdAt, account.timezone),
    lastSignIn: member.lastSignInAt ? formatDateTime(member.lastSignInAt, account.timezone) : "Never",
    isYou: member.id === user.id,
    manageable: user.role === "owner" || member.role !== "owner",
  }));
  const invites: InviteItem[] = team.invites.map((invite) => ({
    id: invite.id,
    email: invite.email,
    roleLabel: roleLabel(invite.role),
    invitedBy: invite.invitedBy ?? "—",
    expires: formatDateTime(invite.expiresAt, account.timezone),
  }));
  return (
    <>
      <PageHeader
        title="Team"
        description="Owners and admins manage API keys, webhooks, settings and the team; members send messages, run campaigns and work with contacts, the inbox, keywords and opt-outs."
      />
      <div className="space-y-6">
        <Card aria-labelledby="invite-heading">
          <CardHeader id="invite-heading" title="Invite someone" description="You get a link to send them; it works once, for seven days." />
          <CardBody>
            <InviteForm action={inviteMemberAction} roles={roles} />
          </CardBody>
        </Card>
        <Card aria-labelledby="members-heading">
          <CardHeader id="members-heading" title="Members" description="An account always keeps at least one owner. Only owners change or remove owners." />
          <MembersTable members={members} roles={roles} changeRoleAction={changeRoleAction} removeAction={removeMemberAction} />
        </Card>
        <Card aria-labelledby="invites-heading">
          <CardHeader id="invites-heading" title="Pending invitations" />
          {invites.length === 0 ? <EmptyState title="No pending invitations" description="Invite someone above." /> : <InvitesTable invites={invites} revokeAction={revokeInviteAction} />}
        </Card>
      </div>
    </>
  );
}
