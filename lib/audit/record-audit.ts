import { db, type Transaction } from "@/lib/db";
import { type AuditAction } from "@/lib/audit/actions";
import { sanitizeAuditValue } from "@/lib/audit/sanitize";
import { currentContext, type Actor, type RequestContext } from "@/lib/observability/request-context";

type Client = Transaction | typeof db;

export interface AuditInput {
  action: AuditAction;
  /** The account the event belongs to; defaults to the actor's account. Null: platform-wide. */
  accountId?: string | null;
  target?: { type: string; id?: string | null };
  /** The state before and after the change; secrets are replaced by "[redacted]". */
  before?: unknown;
  after?: unknown;
  /** Who acted; defaults to the request context's actor (API key, portal user, CLI, job). */
  actor?: Actor;
  /** The actor acted as a platform operator (a portal user is then recorded as an operator). */
  operator?: boolean;
  ip?: string | null;
  userAgent?: string | null;
}

const SYSTEM: Actor = { type: "system", id: null, label: null, accountId: null };

/**
 * Where a request's actor comes from when no request context is running: portal server actions
 * run inside Next.js's own request scope, and the web app registers a resolver that reads the
 * session and headers from it (lib/audit/session-context.ts). The worker and the CLI run their
 * work inside a request context and need none.
 */
// Kept on globalThis: Next.js may load this module once per route bundle.
const globalForAudit = globalThis as unknown as { semaAuditContext?: () => Promise<RequestContext | undefined> };

export function registerAuditContextResolver(resolver: () => Promise<RequestContext | undefined>): void {
  globalForAudit.semaAuditContext = resolver;
}

async function resolveContext(): Promise<RequestContext | undefined> {
  return currentContext() ?? (await globalForAudit.semaAuditContext?.());
}

/** Who is acting in the current request, job or CLI run (the system when nobody is known). */
export async function currentActor(): Promise<Actor> {
  return (await resolveContext())?.actor ?? SYSTEM;
}

function jsonOrNull(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(sanitizeAuditValue(value));
}

/**
 * Appends one audit event: who (actor, IP, user agent, request id), did what (action), to what
 * (target), with the state before and after. Pass the transaction of the change when there is one,
 * so the event and the change commit together.
 */
export async function recordAudit(input: AuditInput, client: Client = db): Promise<void> {
  const context = await resolveContext();
  const given = input.actor ?? context?.actor ?? SYSTEM;
  const actor: Actor = input.operator && given.type === "user" ? { ...given, type: "operator" } : given;
  const accountId = input.accountId === undefined ? actor.accountId : input.accountId;
  await client.$executeRaw`
    INSERT INTO audit_events (account_id, actor_type, actor_id, actor_label, action, target_type, target_id, before, after, ip, user_agent, request_id)
    VALUES (${accountId}::uuid, ${actor.type}::"AuditActorType", ${actor.id}, ${actor.label}, ${input.action},
            ${input.target?.type ?? null}, ${input.target?.id ?? null}, ${jsonOrNull(input.before)}::jsonb, ${jsonOrNull(input.after)}::jsonb,
            ${input.ip ?? context?.ip ?? null}, ${truncate(input.userAgent ?? context?.userAgent ?? null)}, ${context?.requestId ?? null})`;
}

function truncate(text: string | null): string | null {
  return text && text.length > 512 ? text.slice(0, 512) : text;
}
