import type { SessionUser } from "@/lib/auth/config";

/*
 * Who may do what inside an account. Roles are ordered: an owner can do whatever an admin can, an
 * admin whatever a member can. Server actions and route handlers (lib/auth/session-action.ts,
 * session-route.ts) require DEFAULT_ACTION_ROLE unless they name another minimum; pages ask
 * `requireRole` with the same names, so a page and its actions agree.
 */

export type Role = SessionUser["role"];

export const ROLES: readonly Role[] = ["owner", "admin", "member"];

const RANK: Record<Role, number> = { member: 1, admin: 2, owner: 3 };

/**
 * What an action needs when it names nothing: account administration (API keys, webhooks, team,
 * settings, sender IDs, billing settings). Everyday work that members may do — sending, campaigns,
 * contacts, inbox, keywords, opt-outs — says `role: "member"` where it is declared.
 */
export const DEFAULT_ACTION_ROLE: Role = "admin";

/** The minimum role of each area of the portal; pages and actions name these rather than bare roles. */
export const AREA_ROLES = {
  messaging: "member",
  apiKeys: "admin",
  webhooks: "admin",
  team: "admin",
  settings: "admin",
  billing: "admin",
  senderIds: "admin",
} as const satisfies Record<string, Role>;

export type Area = keyof typeof AREA_ROLES;

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Whether `role` is `minimum` or above. */
export function roleAtLeast(role: Role, minimum: Role): boolean {
  return RANK[role] >= RANK[minimum];
}

/** Whether the user may work in `area`. */
export function canUse(user: Pick<SessionUser, "role">, area: Area): boolean {
  return roleAtLeast(user.role, AREA_ROLES[area]);
}

export function roleLabel(role: Role): string {
  return role === "owner" ? "Owner" : role === "admin" ? "Admin" : "Member";
}

export function refusedMessage(minimum: Role): string {
  return minimum === "owner" ? "Only the account owner can do this." : "Only the account owner or an admin can do this.";
}
