import type { Transaction } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import { roleAtLeast, type Role } from "@/lib/auth/roles";

/** Who is managing the team: a signed-in user of the account. */
export interface TeamActor {
  id: string;
  accountId: string;
}

/**
 * The actor's role as the database has it now (not as their session remembers it), required to be at
 * least `minimum`; the owners of the account are locked so two changes cannot both leave it ownerless.
 */
export async function lockTeam(tx: Transaction, actor: TeamActor, minimum: Role): Promise<{ role: Role; owners: string[] }> {
  const rows = await tx.$queryRaw<{ id: string; role: Role }[]>`
    SELECT id::text, role::text AS role FROM users
    WHERE account_id = ${actor.accountId}::uuid AND (role = 'owner' OR id = ${actor.id}::uuid)
    ORDER BY id FOR UPDATE`;
  const me = rows.find((row) => row.id === actor.id);
  if (!me || !roleAtLeast(me.role, minimum)) {
    throw new AppError("forbidden", minimum === "owner" ? "Only the account owner can do this." : "Only the account owner or an admin can manage the team.");
  }
  return { role: me.role, owners: rows.filter((row) => row.role === "owner").map((row) => row.id) };
}
