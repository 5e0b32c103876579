import { z } from "zod";
import { email, password } from "@/lib/accounts/schemas";
import { pgText } from "@/lib/validation/pg-safe";

export const TEAM_ROLES = ["owner", "admin", "member"] as const;
export const teamRole = z.enum(TEAM_ROLES, { error: "Choose owner, admin or member" });

export const inviteMemberInput = z.object({ email, role: teamRole.default("member") });
export type InviteMemberInput = z.input<typeof inviteMemberInput>;

/** An invite token as it appears in the link: `inv_` and 43 base64url characters. */
export const inviteToken = z.string().regex(/^inv_[A-Za-z0-9_-]{43}$/, "This invitation link is not valid");

export const acceptInviteInput = z.object({
  token: inviteToken,
  name: pgText(z.string().trim().min(1, "Your name is required").max(100)),
  password,
});
export type AcceptInviteInput = z.input<typeof acceptInviteInput>;

export const changeRoleInput = z.object({ role: teamRole });
