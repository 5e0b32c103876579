"use server";

import { revalidatePath } from "next/cache";
import { getAccountSummary } from "@/lib/accounts/get-account";
import { AREA_ROLES } from "@/lib/auth/roles";
import { sessionAction } from "@/lib/auth/session-action";
import { formatDateTime } from "@/lib/format";
import { inviteMember, revokeInvite } from "@/lib/team/manage-invites";
import { changeMemberRole, removeMember } from "@/lib/team/manage-members";
import type { IssuedInviteLink } from "@/components/team/invite-form";

const team = { role: AREA_ROLES.team };

export const inviteMemberAction = sessionAction<IssuedInviteLink>(async ({ user, formData }) => {
  const invite = await inviteMember(user, { email: formData.get("email"), role: formData.get("role") ?? undefined });
  const { timezone } = await getAccountSummary(user.accountId);
  revalidatePath("/team");
  return { status: "success", data: { email: invite.email, path: invite.path, expires: formatDateTime(invite.expiresAt, timezone) } };
}, team);

export const revokeInviteAction = sessionAction(async ({ user, id }) => {
  await revokeInvite(user, id("id", "Invite"));
  revalidatePath("/team");
  return { status: "success", message: "Invite revoked; its link no longer works." };
}, team);

export const changeRoleAction = sessionAction(async ({ user, formData, id }) => {
  const { role } = await changeMemberRole(user, id("id", "Team member"), { role: formData.get("role") });
  revalidatePath("/team");
  return { status: "success", message: `Role changed to ${role}.` };
}, team);

export const removeMemberAction = sessionAction(async ({ user, id }) => {
  await removeMember(user, id("id", "Team member"));
  revalidatePath("/team");
  return { status: "success", message: "Member removed." };
}, team);
