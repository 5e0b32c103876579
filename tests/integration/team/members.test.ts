import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { currentSessionRole } from "@/lib/auth/session-version";
import { acceptInvite } from "@/lib/team/accept-invite";
import { inviteMember } from "@/lib/team/manage-invites";
import { changeMemberRole, removeMember } from "@/lib/team/manage-members";
import { createTestAccount } from "@/tests/helpers/accounts";

async function join(owner: { id: string; accountId: string }, role: "owner" | "admin" | "member") {
  const invite = await inviteMember(owner, { email: `u-${randomBytes(4).toString("hex")}@example.test`, role });
  const joined = await acceptInvite({ token: invite.path.split("/").pop() as string, name: `A ${role}`, password: "team-password-1" });
  return { id: joined.userId, accountId: owner.accountId };
}

async function team() {
  const account = await createTestAccount();
  const owner = { id: account.userId, accountId: account.accountId };
  return { owner, admin: await join(owner, "admin"), member: await join(owner, "member") };
}

const roleOf = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id } })).role;

describe("team roles", () => {
  it("an admin promotes a member to admin and demotes them back; the session sees the new role at once", async () => {
    const { admin, member } = await team();
    const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: member.id } });
    await changeMemberRole(admin, member.id, { role: "admin" });
    expect(await currentSessionRole(member.id, sessionVersion)).toBe("admin");
    await changeMemberRole(admin, member.id, { role: "member" });
    expect(await currentSessionRole(member.id, sessionVersion)).toBe("member");
  });

  it("members change nothing; admins cannot touch owners nor make one", async () => {
    const { owner, admin, member } = await team();
    await expect(changeMemberRole(member, admin.id, { role: "member" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(removeMember(member, admin.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(changeMemberRole(admin, owner.id, { role: "member" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(changeMemberRole(admin, member.id, { role: "owner" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(removeMember(admin, owner.id)).rejects.toMatchObject({ code: "forbidden" });
    expect(await roleOf(owner.id)).toBe("owner");
    await expect(changeMemberRole(admin, member.id, { role: "superuser" })).rejects.toMatchObject({ code: "validation_failed" });
  });

  it("the last owner can be neither demoted nor removed; with a second owner they can", async () => {
    const { owner, admin } = await team();
    await expect(changeMemberRole(owner, owner.id, { role: "admin" })).rejects.toMatchObject({ code: "invalid_state" });
    await expect(removeMember(owner, owner.id)).rejects.toMatchObject({ code: "invalid_state" });
    await changeMemberRole(owner, admin.id, { role: "owner" });
    await changeMemberRole(owner, owner.id, { role: "admin" });
    expect(await roleOf(owner.id)).toBe("admin");
    await expect(changeMemberRole(admin, admin.id, { role: "member" })).rejects.toMatchObject({ code: "invalid_state" });
  });

  it("two owners demoting each other at once leave one owner", async () => {
    const { owner, admin } = await team();
    await changeMemberRole(owner, admin.id, { role: "owner" });
    await Promise.allSettled([changeMemberRole(owner, admin.id, { role: "member" }), changeMemberRole(admin, owner.id, { role: "member" })]);
    expect(await db.user.count({ where: { accountId: owner.accountId, role: "owner" } })).toBe(1);
  });

  it("a removed member's session ends; other accounts' users are not found", async () => {
    const { admin, member } = await team();
    const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: member.id } });
    await removeMember(admin, member.id);
    expect(await currentSessionRole(member.id, sessionVersion)).toBeNull();
    const stranger = await createTestAccount();
    await expect(removeMember(admin, stranger.userId)).rejects.toMatchObject({ code: "not_found" });
    await expect(changeMemberRole(admin, stranger.userId, { role: "member" })).rejects.toMatchObject({ code: "not_found" });
    const events = await db.auditEvent.findMany({ where: { accountId: admin.accountId, action: { startsWith: "team." } }, select: { action: true } });
    expect(events.map((event) => event.action)).toEqual(expect.arrayContaining(["team.invite", "team.join", "team.remove"]));
  });
});
