import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { clientIp } from "@/lib/auth/client-ip";

/** Who acted: a portal user, an API key, an operator (portal or CLI) or the platform itself. */
export interface Actor {
  type: "user" | "api_key" | "operator" | "system";
  /** User id or API key id; null for the system and for unknown sign-in attempts. */
  id: string | null;
  /** What a person recognises: an email, a key prefix, `cli:<os user>`, a job name. */
  label: string | null;
  /** The account the actor belongs to (null for the system and CLI operators). */
  accountId: string | null;
}

/**
 * What is known about the request (or job) the current code runs for. One object per request,
 * shared by reference through AsyncLocalStorage: the logger adds its request id to every line,
 * enqueue() copies it into every job, and recordAudit() reads the actor, IP and user agent.
 */
export interface RequestContext {
  requestId: string;
  ip?: string | null;
  userAgent?: string | null;
  actor?: Actor;
}

// One store per process even when Next.js loads this module once per route bundle.
const globalForContext = globalThis as unknown as { semaRequestContext?: AsyncLocalStorage<RequestContext> };
const storage = (globalForContext.semaRequestContext ??= new AsyncLocalStorage<RequestContext>());

/** Longest request id accepted from a caller; anything else is replaced by a generated one. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function newRequestId(): string {
  return `req_${randomUUID()}`;
}

/** The caller's `x-request-id` when it is a sane token, else a new one. */
export function requestIdFrom(headers: Headers): string {
  const given = headers.get("x-request-id")?.trim();
  return given && REQUEST_ID.test(given) ? given : newRequestId();
}

/** The client address (see lib/auth/client-ip.ts for which one is trusted), or null when unknown. */
export function clientIpFrom(headers: Headers): string | null {
  const address = clientIp(headers);
  return address === "unknown" ? null : address;
}

/** Runs `work` with `context` as the current request context (nested calls see it too). */
export function runWithContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

/** Records who is acting for the rest of the current request (no-op outside one). */
export function setContextActor(actor: Actor): void {
  const context = storage.getStore();
  if (context) context.actor = actor;
}
