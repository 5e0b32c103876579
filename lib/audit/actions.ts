/**
 * Every audited action. Names are `<resource>.<verb>`; the portal and GET /v1/audit-events filter
 * on them. Opt-out, provider and route changes are recorded by the code that makes them (two-way
 * messaging, provider routing) under the names listed here.
 */
export const AUDIT_ACTIONS = [
  "auth.sign_in",
  "auth.sign_in_failed",
  "auth.sign_out",
  "api_key.create",
  "api_key.rotate",
  "api_key.revoke",
  "webhook.create",
  "webhook.update",
  "webhook.delete",
  "webhook.rotate_secret",
  "callback_secret.rotate",
  "sender_id.request",
  "sender_id.approve",
  "sender_id.reject",
  "credits.top_up",
  "account.update_settings",
  "opt_out.create",
  "opt_out.delete",
  "provider.update",
  "route.update",
  "dead_letter.replay",
  "dead_letter.discard",
  "dead_letter.expire",
  "team.invite",
  "team.revoke_invite",
  "team.join",
  "team.change_role",
  "team.remove",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
