import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { performance } from "node:perf_hooks";
import {
  type AddressClass,
  type AddressPolicy,
  classifyHostname,
  classifyIp,
  ipLiteralFromHostname,
  isClassAllowed,
  isProtectedLoopbackPort,
  policyForPort,
} from "@/lib/net/ip-policy";

export type SafePostError = "ssrf_blocked" | "timeout" | "connection_error" | "invalid_url" | "redirect_not_followed";

export interface SafePostOptions extends AddressPolicy {
  headers?: Record<string, string>;
  body: string | Buffer;
  /** Total budget covering DNS, connect, TLS, upload and the (truncated) response body. */
  timeoutMs?: number;
}

export interface SafePostResult {
  /** True only for a 2xx response received in time. */
  ok: boolean;
  /** HTTP status, or null when no response arrived. */
  status: number | null;
  latencyMs: number;
  /** The response headers the delivery logic acts on. */
  headers: { "retry-after"?: string; location?: string };
  /** Start of the response body (UTF-8, at most BODY_SNIPPET_BYTES bytes) for the delivery log. */
  bodySnippet: string;
  error?: SafePostError;
  /** Human-readable detail for the delivery log; never contains request headers or body. */
  errorMessage?: string;
}

export type DestinationRejection = "invalid_url" | "unsupported_scheme" | "blocked_address" | "protected_port" | "dns_resolution_failed";

export type DestinationCheck =
  | { allowed: true; url: URL }
  | { allowed: false; reason: DestinationRejection; message: string; addressClass?: AddressClass };

export interface DestinationCheckOptions extends AddressPolicy {
  /** Also resolve the hostname and refuse it if any address is blocked. Off by default. */
  resolveDns?: boolean;
}

export type DnsResolver = (hostname: string, options: dns.LookupAllOptions) => Promise<dns.LookupAddress[]>;

export const DEFAULT_TIMEOUT_MS = 4_000;
export const BODY_SNIPPET_BYTES = 1_024;
/** Bodies up to this size are drained so the keep-alive socket can be reused; larger ones close it. */
const MAX_DRAINED_BODY_BYTES = 64 * 1_024;

export class SsrfBlockedError extends Error {
  readonly code = "ESSRFBLOCKED";
  constructor(
    readonly hostname: string,
    readonly address: string,
    readonly addressClass: AddressClass,
  ) {
    const kind = `${addressClass.replace("_", "-")} address`;
    const isLiteral = hostname.replace(/^\[|\]$/g, "") === address;
    super(isLiteral ? `Refused to connect to ${address}: ${kind}` : `Refused to connect to ${hostname}: resolves to ${address}, a ${kind}`);
    this.name = "SsrfBlockedError";
  }
}

class DeadlineExceededError extends Error {
  constructor(timeoutMs: number) {
    super(`No complete response within ${timeoutMs} ms`);
    this.name = "DeadlineExceededError";
  }
}

const systemResolver: DnsResolver = (hostname, options) => dns.promises.lookup(hostname, options);

/**
 * A `lookup` for net/tls sockets that resolves every address of the host and refuses the connection
 * if any of them is blocked. Node calls it immediately before connecting and connects to exactly the
 * addresses it returns, so a DNS answer that changes between a check and the connect (rebinding)
 * cannot slip through.
 */
export function createGuardedLookup(policy: AddressPolicy, resolve: DnsResolver = systemResolver): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { family: options.family, hints: options.hints, all: true })
      .then((addresses) => {
        const refusal = findBlockedAddress(hostname, addresses, policy);
        if (refusal) return callback(refusal, "");
        if (addresses.length === 0) {
          const notFound: NodeJS.ErrnoException = new Error(`No addresses for ${hostname}`);
          notFound.code = "ENOTFOUND";
          return callback(notFound, "");
        }
        if (options.all) return callback(null, addresses);
        callback(null, addresses[0].address, addresses[0].family);
      })
      .catch((error: NodeJS.ErrnoException) => callback(error, ""));
  };
}

function findBlockedAddress(
  hostname: string,
  addresses: readonly dns.LookupAddress[],
  policy: AddressPolicy,
): SsrfBlockedError | null {
  for (const { address } of addresses) {
    const addressClass = classifyIp(address);
    if (!isClassAllowed(addressClass, policy)) return new SsrfBlockedError(hostname, address, addressClass);
  }
  return null;
}

interface AgentPair {
  http: http.Agent;
  https: https.Agent;
}

// One pool per policy so a socket opened under a permissive policy is never reused by a strict one.
const agentPools = new Map<string, AgentPair>();

function agentsFor(policy: AddressPolicy): AgentPair {
  const key = `${policy.allowLoopback === true}:${policy.allowPrivate === true}`;
  let pair = agentPools.get(key);
  if (!pair) {
    const lookup = createGuardedLookup({ allowLoopback: policy.allowLoopback, allowPrivate: policy.allowPrivate });
    const shared = { keepAlive: true, maxSockets: 64, maxFreeSockets: 16, scheduling: "lifo" as const, lookup };
    pair = { http: new http.Agent(shared), https: new https.Agent(shared) };
    agentPools.set(key, pair);
  }
  return pair;
}

/** Destroys every pooled socket (idle or in use); for graceful shutdown and test teardown. */
export function closeConnectionPools(): void {
  for (const pair of agentPools.values()) {
    pair.http.destroy();
    pair.https.destroy();
  }
  agentPools.clear();
}

function parseHttpUrl(rawUrl: string): { url: URL } | { reason: "invalid_url" | "unsupported_scheme"; message: string } {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { reason: "invalid_url", message: "Not a valid absolute URL" };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return { reason: "unsupported_scheme", message: `Scheme ${url.protocol} is not allowed; use http or https` };
  }
  if (!url.hostname) return { reason: "invalid_url", message: "URL has no host" };
  return { url };
}

function portOf(url: URL): number {
  if (url.port) return Number(url.port);
  return url.protocol === "https:" ? 443 : 80;
}

const CLASS_DESCRIPTIONS: Record<AddressClass, string> = {
  public: "a public address",
  loopback: "a loopback address (this machine)",
  private: "a private-network address",
  link_local: "a link-local address (where cloud metadata services live)",
  reserved: "a reserved address",
};

function literalRefusal(hostname: string, policy: AddressPolicy): SsrfBlockedError | null {
  const literal = ipLiteralFromHostname(hostname);
  if (literal === null) return null;
  const addressClass = classifyIp(literal);
  return isClassAllowed(addressClass, policy) ? null : new SsrfBlockedError(hostname, literal, addressClass);
}

/**
 * Judges a destination URL without touching DNS: the scheme, IP literals (by the same rules as
 * delivery), names that can only be internal (`localhost`, `*.internal`, `*.local`, single-label
 * names, metadata service names) and the platform's own loopback ports. Cheap enough for the send
 * path; delivery still resolves and re-checks every address at connect time.
 */
export function checkDestination(rawUrl: string, policy: AddressPolicy = {}): DestinationCheck {
  const parsed = parseHttpUrl(rawUrl);
  if ("reason" in parsed) return { allowed: false, reason: parsed.reason, message: parsed.message };
  const { url } = parsed;
  const port = portOf(url);
  const effective = policyForPort(policy, port);
  const literal = ipLiteralFromHostname(url.hostname);
  const addressClass = literal !== null ? classifyIp(literal) : classifyHostname(url.hostname);
  if (addressClass === null || isClassAllowed(addressClass, effective)) return { allowed: true, url };
  if (addressClass === "loopback" && policy.allowLoopback === true && isProtectedLoopbackPort(policy, port)) {
    const message = `Port ${port} on this machine belongs to Sema Link itself (the app or a simulator) and is never a webhook destination`;
    return { allowed: false, reason: "protected_port", message, addressClass };
  }
  const what = literal !== null ? `${literal} is` : `${url.hostname} names`;
  return { allowed: false, reason: "blocked_address", message: `${what} ${CLASS_DESCRIPTIONS[addressClass]}, which webhooks may not reach`, addressClass };
}

/**
 * Validates a destination URL when an endpoint is registered: checkDestination, then (with
 * `resolveDns`) every address the name resolves to. Delivery re-checks at connect time regardless.
 */
export async function assertDestinationAllowed(
  rawUrl: string,
  options: DestinationCheckOptions = {},
  resolve: DnsResolver = systemResolver,
): Promise<DestinationCheck> {
  const check = checkDestination(rawUrl, options);
  if (!check.allowed || !options.resolveDns) return check;
  const { url } = check;
  if (ipLiteralFromHostname(url.hostname) !== null) return check;
  let addresses: dns.LookupAddress[];
  try {
    addresses = await resolve(url.hostname, { all: true });
  } catch {
    return { allowed: false, reason: "dns_resolution_failed", message: `Could not resolve ${url.hostname}` };
  }
  if (addresses.length === 0) {
    return { allowed: false, reason: "dns_resolution_failed", message: `Could not resolve ${url.hostname}` };
  }
  const blocked = findBlockedAddress(url.hostname, addresses, policyForPort(options, portOf(url)));
  if (blocked) return { allowed: false, reason: "blocked_address", message: blocked.message, addressClass: blocked.addressClass };
  return check;
}

/**
 * POSTs `body` to `rawUrl` without ever connecting to a blocked address, following no redirects.
 * Never throws for network conditions: every outcome is a SafePostResult.
 */
export function safePost(rawUrl: string, options: SafePostOptions): Promise<SafePostResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const failure = (error: SafePostError, errorMessage: string): SafePostResult => ({
    ok: false,
    status: null,
    latencyMs: elapsed(),
    headers: {},
    bodySnippet: "",
    error,
    errorMessage,
  });

  const parsed = parseHttpUrl(rawUrl);
  if ("reason" in parsed) return Promise.resolve(failure("invalid_url", parsed.message));
  const { url } = parsed;
  const port = portOf(url);
  const policy = policyForPort(
    { allowLoopback: options.allowLoopback, allowPrivate: options.allowPrivate, protectedLoopbackPorts: options.protectedLoopbackPorts },
    port,
  );
  const ownPort = options.allowLoopback === true && policy.allowLoopback !== true;
  // Node skips `lookup` for IP literals, so they are judged here, before any socket exists.
  const refusal = literalRefusal(url.hostname, policy);
  if (refusal) {
    const message = ownPort && refusal.addressClass === "loopback" ? `${refusal.message} (port ${port} belongs to Sema Link itself)` : refusal.message;
    return Promise.resolve(failure("ssrf_blocked", message));
  }

  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const body = typeof options.body === "string" ? Buffer.from(options.body) : options.body;
  const agents = agentsFor(policy);
  const isHttps = url.protocol === "https:";

  return new Promise<SafePostResult>((resolve) => {
    let settled = false;
    const settle = (result: SafePostResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve(result);
    };

    const request = (isHttps ? https : http).request(url, {
      method: "POST",
      agent: isHttps ? agents.https : agents.http,
      headers: { ...options.headers, "content-length": String(body.length) },
    });

    const deadline = setTimeout(() => {
      settle(failure("timeout", `No complete response within ${timeoutMs} ms`));
      request.destroy(new DeadlineExceededError(timeoutMs));
    }, timeoutMs);

    request.on("error", (error: Error) => {
      if (error instanceof SsrfBlockedError) settle(failure("ssrf_blocked", error.message));
      else settle(failure("connection_error", describeNetworkError(error)));
    });

    request.on("response", (response) => {
      const status = response.statusCode ?? 0;
      const chunks: Buffer[] = [];
      let snippetBytes = 0;
      let receivedBytes = 0;

      const finish = () => {
        const headers: SafePostResult["headers"] = {};
        const retryAfter = response.headers["retry-after"];
        if (retryAfter !== undefined) headers["retry-after"] = retryAfter;
        const location = response.headers.location;
        if (location !== undefined) headers.location = location;
        const isRedirect = status >= 300 && status < 400;
        settle({
          ok: status >= 200 && status < 300,
          status,
          latencyMs: elapsed(),
          headers,
          bodySnippet: Buffer.concat(chunks).toString("utf8"),
          ...(isRedirect ? { error: "redirect_not_followed" as const, errorMessage: `Redirect (${status}) not followed` } : {}),
        });
      };

      response.on("data", (chunk: Buffer) => {
        receivedBytes += chunk.length;
        if (snippetBytes < BODY_SNIPPET_BYTES) {
          const part = chunk.subarray(0, BODY_SNIPPET_BYTES - snippetBytes);
          chunks.push(part);
          snippetBytes += part.length;
        }
        if (receivedBytes > MAX_DRAINED_BODY_BYTES) {
          finish();
          response.destroy();
        }
      });
      response.on("end", finish);
      response.on("error", finish);
    });

    request.end(body);
  });
}

function describeNetworkError(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case "ECONNREFUSED":
      return "Connection refused";
    case "ECONNRESET":
      return "Connection reset by peer";
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return "Host name could not be resolved";
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return "Host unreachable";
    default:
      return error.code ? `${error.code}: ${error.message}` : error.message;
  }
}
