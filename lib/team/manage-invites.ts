import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError, fieldError, notFound } from "@/lib/http/errors";
import { validate } from "@/lib/http/parse";
import { inviteMemberInput, type InviteMemberInput } from "@/lib/team/schemas";
import { INVITE_TTL_MS, invitePath, newInviteToken } from "@/lib/team/invite-tokens";
import { lockTeam, type TeamActor } from "@/lib/team/team-actor";

export interface IssuedInvite {
  id: string;
  email: string;
  role: "owner" | "admin" | "member";
  /** The link path with the token: shown once to the inviter, never stored. */
  path: string;
  expiresAt: Date;
}

/**
 * Invites someone by email: an admin may invite admins and members, only an owner may invite an
 * owner. There is no mail server: the inviter copies the link. A new invite for the same address
 * replaces a pending one.
 */
export async function inviteMember(actor: TeamActor, raw: InviteMemberInput | Record<string, unknown>): Promise<IssuedInvite> {
  const input = validate(inviteMemberInput, raw);
  const { token, tokenHash } = newInviteToken();
  const invite = await db.$transaction(async (tx) => {
    const { role } = await lockTeam(tx, actor, "admin");
    if (input.role === "owner" && role !== "owner") throw fieldError("forbidden", "role", "Only an owner can invite another owner");
    const existing = await tx.user.findUnique({ where: { email: input.email }, select: { accountId: true } });
    if (existing) {
      const message = existing.accountId === actor.accountId ? "Already a member of this account" : "This address already has a Sema Link account";
      throw fieldError("conflict", "email", message);
    }
    const now = new Date();
    await tx.teamInvite.updateMany({
      where: { accountId: actor.accountId, email: input.email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    const created = await tx.teamInvite.create({
      data: { accountId: actor.accountId, email: input.email, role: input.role, tokenHash, invitedById: actor.id, expiresAt: new Date(now.getTime() + INVITE_TTL_MS) },
      select: { id: true, email: true, role: true, expiresAt: true },
    });
    await recordAudit({ action: "team.invite", accountId: actor.accountId, target: { type: "invite", id: created.id }, after: { email: created.email, role: created.role } }, tx);
    return created;
  });
  return { ...invite, path: invitePath(token) };
}

/** Revokes a pending invite of the account; its link stops working at once. */
export async function revokeInvite(actor: TeamActor, inviteId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockTeam(tx, actor, "admin");
    const invite = await tx.teamInvite.findFirst({ where: { id: inviteId, accountId: actor.accountId }, select: { acceptedAt: true, revokedAt: true, email: true } });
    if (!invite) throw notFound("Invite");
    if (invite.acceptedAt || invite.revokedAt) throw new AppError("invalid_state", "This invite is no longer pending");
    await tx.teamInvite.update({ where: { id: inviteId }, data: { revokedAt: new Date() } });
    await recordAudit({ action: "team.revoke_invite", accountId: actor.accountId, target: { type: "invite", id: inviteId }, before: { email: invite.email } }, tx);
  });
}
