import { db } from "@/lib/db";
import type { Role } from "@/lib/auth/roles";

export interface TeamMember {
  id: string;
  name: string;
  email: string;
  role: Role;
  createdAt: Date;
  lastSignInAt: Date | null;
}

export interface TeamInviteView {
  id: string;
  email: string;
  role: Role;
  createdAt: Date;
  expiresAt: Date;
  invitedBy: string | null;
}

/** The account's users (owners first) and its pending invites (not used, revoked or expired). */
export async function listTeam(accountId: string): Promise<{ members: TeamMember[]; invites: TeamInviteView[] }> {
  const [users, invites] = await Promise.all([
    db.user.findMany({
      where: { accountId },
      select: { id: true, name: true, email: true, role: true, createdAt: true, lastSignInAt: true },
      orderBy: [{ role: "asc" }, { createdAt: "asc" }],
    }),
    db.teamInvite.findMany({
      where: { accountId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      select: { id: true, email: true, role: true, createdAt: true, expiresAt: true, invitedBy: { select: { email: true } } },
      orderBy: { createdAt: "desc" },
      take: 200,
    }),
  ]);
  return {
    members: users,
    invites: invites.map(({ invitedBy, ...invite }) => ({ ...invite, invitedBy: invitedBy?.email ?? null })),
  };
}
