import { recordAudit } from "@/lib/audit/record-audit";
import type { Role } from "@/lib/auth/roles";
import { db, type Transaction } from "@/lib/db";
import { AppError, notFound } from "@/lib/http/errors";
import { validate } from "@/lib/http/parse";
import { changeRoleInput } from "@/lib/team/schemas";
import { lockTeam, type TeamActor } from "@/lib/team/team-actor";

const OWNERS_ONLY = "Only an owner can change or remove an owner, or make someone an owner.";
const LAST_OWNER = "An account needs at least one owner: make someone else an owner first.";

async function targetOf(tx: Transaction, actor: TeamActor, userId: string): Promise<{ id: string; email: string; role: Role }> {
  const target = await tx.user.findFirst({ where: { id: userId, accountId: actor.accountId }, select: { id: true, email: true, role: true } });
  if (!target) throw notFound("Team member");
  return target;
}

/**
 * Changes a member's role. Admins manage admins and members; only owners touch owners (or make
 * one); the last owner cannot be demoted. The change applies to the member's next request.
 */
export async function changeMemberRole(actor: TeamActor, userId: string, raw: { role: unknown }): Promise<{ role: Role }> {
  const { role } = validate(changeRoleInput, raw);
  return db.$transaction(async (tx) => {
    const me = await lockTeam(tx, actor, "admin");
    const target = await targetOf(tx, actor, userId);
    if ((target.role === "owner" || role === "owner") && me.role !== "owner") throw new AppError("forbidden", OWNERS_ONLY);
    if (target.role === role) return { role };
    if (target.role === "owner" && me.owners.length <= 1) throw new AppError("invalid_state", LAST_OWNER);
    await tx.user.update({ where: { id: target.id }, data: { role } });
    await recordAudit({ action: "team.change_role", accountId: actor.accountId, target: { type: "user", id: target.id }, before: { email: target.email, role: target.role }, after: { email: target.email, role } }, tx);
    return { role };
  });
}

/**
 * Removes a user from the account: their sessions end with them. Admins cannot remove owners;
 * the last owner cannot be removed. API keys they created stay (they belong to the account).
 */
export async function removeMember(actor: TeamActor, userId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const me = await lockTeam(tx, actor, "admin");
    const target = await targetOf(tx, actor, userId);
    if (target.role === "owner" && me.role !== "owner") throw new AppError("forbidden", OWNERS_ONLY);
    if (target.role === "owner" && me.owners.length <= 1) throw new AppError("invalid_state", LAST_OWNER);
    await tx.user.delete({ where: { id: target.id } });
    await recordAudit({ action: "team.remove", accountId: actor.accountId, target: { type: "user", id: target.id }, before: { email: target.email, role: target.role } }, tx);
  });
}
