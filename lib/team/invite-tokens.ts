import { createHash, randomBytes } from "node:crypto";

/** How long an invitation link works. */
export const INVITE_TTL_MS = 7 * 24 * 3600 * 1000;

/** A new invite token (shown once, in the link) and the hash that is stored. */
export function newInviteToken(): { token: string; tokenHash: string } {
  const token = `inv_${randomBytes(32).toString("base64url")}`;
  return { token, tokenHash: hashInviteToken(token) };
}

export function hashInviteToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The path of the page where an invitee joins; the portal prefixes its own origin. */
export function invitePath(token: string): string {
  return `/invite/${token}`;
}
