import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { acceptInvite, findPendingInvite } from "@/lib/team/accept-invite";
import { hashInviteToken } from "@/lib/team/invite-tokens";
import { inviteMember, revokeInvite } from "@/lib/team/manage-invites";
import { listTeam } from "@/lib/team/list-team";
import { createTestAccount } from "@/tests/helpers/accounts";

const newEmail = () => `invitee-${randomBytes(4).toString("hex")}@example.test`;
const tokenOf = (path: string) => path.split("/").pop() as string;

async function ownerAndMember() {
  const account = await createTestAccount();
  const owner = { id: account.userId, accountId: account.accountId };
  const invite = await inviteMember(owner, { email: newEmail(), role: "member" });
  const joined = await acceptInvite({ token: tokenOf(invite.path), name: "Mo Member", password: "member-password-1" });
  return { account, owner, member: { id: joined.userId, accountId: account.accountId } };
}

describe("team invites", () => {
  it("stores only the token's hash, and the invitee joins the account once with the invite's role", async () => {
    const account = await createTestAccount();
    const owner = { id: account.userId, accountId: account.accountId };
    const email = newEmail();
    const invite = await inviteMember(owner, { email: email.toUpperCase(), role: "admin" });
    const token = tokenOf(invite.path);
    expect(invite.path).toBe(`/invite/${token}`);
    const stored = await db.teamInvite.findUniqueOrThrow({ where: { id: invite.id } });
    expect(stored.tokenHash).toBe(hashInviteToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored.email).toBe(email);
    expect(await findPendingInvite(token)).toMatchObject({ email, role: "admin" });

    const joined = await acceptInvite({ token, name: "Ada Admin", password: "a-good-password" });
    const user = await db.user.findUniqueOrThrow({ where: { id: joined.userId } });
    expect(user).toMatchObject({ accountId: account.accountId, email, role: "admin", name: "Ada Admin" });
    expect(await findPendingInvite(token)).toBeNull();
    await expect(acceptInvite({ token, name: "Again", password: "another-password" })).rejects.toMatchObject({ code: "invalid_state" });
    const team = await listTeam(account.accountId);
    expect(team.members.map((member) => member.role)).toEqual(["owner", "admin"]);
    expect(team.invites).toEqual([]);
  });

  it("accepts a link once when it is submitted twice at the same time", async () => {
    const account = await createTestAccount();
    const invite = await inviteMember({ id: account.userId, accountId: account.accountId }, { email: newEmail() });
    const token = tokenOf(invite.path);
    const results = await Promise.allSettled([
      acceptInvite({ token, name: "One", password: "password-number-1" }),
      acceptInvite({ token, name: "Two", password: "password-number-2" }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await db.user.count({ where: { accountId: account.accountId } })).toBe(2);
  });

  it("refuses expired and revoked links and tokens that are no invite", async () => {
    const account = await createTestAccount();
    const owner = { id: account.userId, accountId: account.accountId };
    const expired = await inviteMember(owner, { email: newEmail() });
    await db.teamInvite.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(acceptInvite({ token: tokenOf(expired.path), name: "Late", password: "late-password-1" })).rejects.toMatchObject({ code: "invalid_state" });

    const revoked = await inviteMember(owner, { email: newEmail() });
    await revokeInvite(owner, revoked.id);
    expect(await findPendingInvite(tokenOf(revoked.path))).toBeNull();
    await expect(acceptInvite({ token: tokenOf(revoked.path), name: "Gone", password: "gone-password-1" })).rejects.toMatchObject({ code: "invalid_state" });
    await expect(revokeInvite(owner, revoked.id)).rejects.toMatchObject({ code: "invalid_state" });

    expect(await findPendingInvite("inv_not-a-token")).toBeNull();
    await expect(acceptInvite({ token: `inv_${"A".repeat(43)}`, name: "X", password: "some-password-1" })).rejects.toMatchObject({ code: "invalid_state" });
  });

  it("a new invite for the same address replaces the pending one; existing users cannot be invited", async () => {
    const account = await createTestAccount();
    const owner = { id: account.userId, accountId: account.accountId };
    const email = newEmail();
    const first = await inviteMember(owner, { email });
    const second = await inviteMember(owner, { email });
    expect(await findPendingInvite(tokenOf(first.path))).toBeNull();
    expect(await findPendingInvite(tokenOf(second.path))).not.toBeNull();
    await expect(inviteMember(owner, { email: account.email })).rejects.toMatchObject({ code: "conflict", details: [{ field: "email" }] });
    const other = await createTestAccount();
    await expect(inviteMember(owner, { email: other.email })).rejects.toMatchObject({ code: "conflict" });
  });

  it("members cannot invite or revoke; admins cannot invite owners; other accounts' invites are not found", async () => {
    const { owner, member } = await ownerAndMember();
    await expect(inviteMember(member, { email: newEmail() })).rejects.toMatchObject({ code: "forbidden" });
    const pending = await inviteMember(owner, { email: newEmail() });
    await expect(revokeInvite(member, pending.id)).rejects.toMatchObject({ code: "forbidden" });
    await db.user.update({ where: { id: member.id }, data: { role: "admin" } });
    await expect(inviteMember(member, { email: newEmail(), role: "owner" })).rejects.toMatchObject({ code: "forbidden", details: [{ field: "role" }] });
    await expect(inviteMember(member, { email: newEmail(), role: "admin" })).resolves.toMatchObject({ role: "admin" });
    const stranger = await createTestAccount();
    await expect(revokeInvite({ id: stranger.userId, accountId: stranger.accountId }, pending.id)).rejects.toMatchObject({ code: "not_found" });
  });
});
