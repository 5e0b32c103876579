import { recordAudit } from "@/lib/audit/record-audit";
import { hashPassword } from "@/lib/auth/password";
import { db, Prisma } from "@/lib/db";
import { AppError, fieldError } from "@/lib/http/errors";
import { validate } from "@/lib/http/parse";
import { hashInviteToken } from "@/lib/team/invite-tokens";
import { acceptInviteInput, inviteToken, type AcceptInviteInput } from "@/lib/team/schemas";

export interface PendingInvite {
  email: string;
  role: "owner" | "admin" | "member";
  accountName: string;
  expiresAt: Date;
}

const INVALID_LINK = "This invitation link is not valid: it may have expired, been revoked or been used already.";

/** The invite a link names, while it can still be accepted; null for any other token. */
export async function findPendingInvite(token: string): Promise<PendingInvite | null> {
  if (!inviteToken.safeParse(token).success) return null;
  const invite = await db.teamInvite.findUnique({
    where: { tokenHash: hashInviteToken(token) },
    select: { email: true, role: true, expiresAt: true, acceptedAt: true, revokedAt: true, account: { select: { name: true, status: true } } },
  });
  if (!invite || invite.acceptedAt || invite.revokedAt || invite.expiresAt <= new Date() || invite.account.status !== "active") return null;
  return { email: invite.email, role: invite.role, accountName: invite.account.name, expiresAt: invite.expiresAt };
}

/**
 * Joins the invitee to the account with the invite's email and role and the name and password they
 * chose. The invite is claimed with a conditional update in the same transaction, so a link works
 * once however many times it is submitted.
 */
export async function acceptInvite(raw: AcceptInviteInput): Promise<{ userId: string; accountId: string; email: string }> {
  const input = validate(acceptInviteInput, raw);
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const claimed = await tx.$queryRaw<{ id: string; account_id: string; email: string; role: string }[]>`
        UPDATE team_invites i SET accepted_at = now()
        FROM accounts a
        WHERE i.token_hash = ${hashInviteToken(input.token)} AND i.accepted_at IS NULL AND i.revoked_at IS NULL
          AND i.expires_at > now() AND a.id = i.account_id AND a.status = 'active'
        RETURNING i.id::text, i.account_id::text, i.email, i.role::text AS role`;
      const invite = claimed[0];
      if (!invite) throw new AppError("invalid_state", INVALID_LINK);
      const user = await tx.user.create({
        data: { accountId: invite.account_id, email: invite.email, name: input.name, passwordHash, role: invite.role as PendingInvite["role"] },
        select: { id: true },
      });
      await recordAudit(
        {
          action: "team.join",
          accountId: invite.account_id,
          actor: { type: "user", id: user.id, label: invite.email, accountId: invite.account_id },
          target: { type: "user", id: user.id },
          after: { email: invite.email, role: invite.role, inviteId: invite.id },
        },
        tx,
      );
      return { userId: user.id, accountId: invite.account_id, email: invite.email };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw fieldError("conflict", "token", "This address already has a Sema Link account; sign in instead");
    }
    throw error;
  }
}
