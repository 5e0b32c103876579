import { env } from "@/lib/env";

/**
 * The client address a sign-in attempt is counted against.
 *
 * Next.js fills `X-Forwarded-For` with the connecting socket's address only when the request has no
 * such header, and exposes no other way to read the socket. So:
 * - `TRUST_PROXY=true` (behind a reverse proxy that sets the header): the first entry, which the
 *   proxy must write itself (e.g. nginx `proxy_set_header X-Forwarded-For $remote_addr`);
 * - otherwise (clients connect to the app directly): the last entry, i.e. the socket address Next.js
 *   recorded. A client that sends its own header picks this value, so exposed directly the per-IP
 *   limit is best-effort; the per-email limit does not depend on it.
 */
export function clientIp(headers: Headers, trustProxy: boolean = env.TRUST_PROXY): string {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const address = trustProxy ? entries[0] : entries.at(-1);
  if (!address) return "unknown";
  // An IPv4 client on a dual-stack socket shows up as ::ffff:a.b.c.d; count it as a.b.c.d.
  return address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "").toLowerCase();
}
