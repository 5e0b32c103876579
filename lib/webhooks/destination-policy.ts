import { env, type Env } from "@/lib/env";
import { fieldError } from "@/lib/http/errors";
import type { AddressPolicy } from "@/lib/net/ip-policy";
import { checkDestination } from "@/lib/net/safe-fetch";

function explicitPort(rawUrl: string): number | null {
  const port = new URL(rawUrl).port;
  return port ? Number(port) : null;
}

/**
 * The platform's own ports, never reachable by a webhook on loopback even in demo mode: the app
 * (PORT and APP_URL's port), the Celcom simulator (SIMULATOR_PORT and SIMULATOR_URL's port, whose
 * admin API has no authentication) and WEBHOOK_PROTECTED_PORTS (the SMPP simulator's admin port).
 */
export function protectedLoopbackPorts(source: Env = env): number[] {
  const listed = source.WEBHOOK_PROTECTED_PORTS.split(",").map((part) => part.trim()).filter(Boolean).map(Number);
  const ports = [source.PORT, explicitPort(source.APP_URL), source.SIMULATOR_PORT, explicitPort(source.SIMULATOR_URL), ...listed];
  return [...new Set(ports.filter((port): port is number => port !== null && port > 0))].sort((a, b) => a - b);
}

/**
 * The SSRF policy for every request made on a customer's behalf (endpoints, per-message and
 * per-campaign callbacks), at submit and at delivery. Loopback is honoured only in demo and test
 * mode: in production WEBHOOK_ALLOW_LOOPBACK is ignored here and refused at start-up.
 */
export function webhookAddressPolicy(source: Env = env): AddressPolicy {
  return {
    allowLoopback: source.WEBHOOK_ALLOW_LOOPBACK && source.SEMA_MODE !== "production",
    allowPrivate: source.WEBHOOK_ALLOW_PRIVATE,
    protectedLoopbackPorts: protectedLoopbackPorts(source),
  };
}

/**
 * Refuses (422 `destination_not_allowed`, with the reason) a webhook or callback URL that delivery
 * would refuse for its address alone. No DNS lookup, so it can run on the send path; host names that
 * resolve to blocked addresses are refused at delivery.
 */
export function assertCallbackUrlAllowed(url: string, field: string): void {
  const check = checkDestination(url, webhookAddressPolicy());
  if (!check.allowed) {
    throw fieldError("destination_not_allowed", field, check.message, check.reason);
  }
}
