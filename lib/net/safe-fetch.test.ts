import http from "node:http";
import { type AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { classifyIp } from "@/lib/net/ip-policy";
import {
  BODY_SNIPPET_BYTES,
  type DnsResolver,
  SsrfBlockedError,
  assertDestinationAllowed,
  checkDestination,
  closeConnectionPools,
  createGuardedLookup,
  safePost,
} from "@/lib/net/safe-fetch";

interface ReceivedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

const received: ReceivedRequest[] = [];
const RECEIVER_DELAY_MS = 150;
let connections = 0;
let baseUrl = "";
let port = 0;
const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    received.push({ method: req.method ?? "", path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString() });
    switch (req.url) {
      case "/ok":
        res.writeHead(200, { "content-type": "application/json" }).end('{"received":true}');
        return;
      case "/redirect":
        res.writeHead(302, { location: `${baseUrl}/ok` }).end();
        return;
      case "/throttled":
        res.writeHead(429, { "retry-after": "120" }).end("slow down");
        return;
      case "/large-error":
        res.writeHead(500).end("x".repeat(10_000));
        return;
      case "/answers-after-delay":
        setTimeout(() => res.writeHead(204).end(), RECEIVER_DELAY_MS);
        return;
      case "/never-answers":
        return;
      case "/stalls-mid-body":
        res.writeHead(200, { "content-type": "text/plain" });
        res.write("partial");
        return;
      default:
        res.writeHead(404).end();
    }
  });
});
server.on("connection", () => {
  connections += 1;
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  baseUrl = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  closeConnectionPools();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  received.length = 0;
  connections = 0;
});

const loopback = { allowLoopback: true };

describe("safePost to a loopback receiver", () => {
  it("measures latency in milliseconds up to the receiver's answer", async () => {
    const result = await safePost(`${baseUrl}/answers-after-delay`, { ...loopback, body: "{}" });
    expect(result).toMatchObject({ ok: true, status: 204 });
    // Node timers run on a millisecond clock and may fire up to 1 ms early.
    expect(result.latencyMs).toBeGreaterThanOrEqual(RECEIVER_DELAY_MS - 1);
    // Milliseconds, not microseconds: far below the 150 000 a unit slip would give.
    expect(result.latencyMs).toBeLessThan(RECEIVER_DELAY_MS * 100);
  });

  it("delivers body and headers when loopback is allowed", async () => {
    const result = await safePost(`${baseUrl}/ok`, {
      ...loopback,
      headers: { "content-type": "application/json", "webhook-id": "evt_1" },
      body: '{"hello":"world"}',
    });
    expect(result).toMatchObject({ ok: true, status: 200, bodySnippet: '{"received":true}' });
    expect(result.error).toBeUndefined();
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ method: "POST", path: "/ok", body: '{"hello":"world"}' });
    expect(received[0].headers["webhook-id"]).toBe("evt_1");
    expect(received[0].headers["content-length"]).toBe("17");
  });

  it("reuses the keep-alive connection for consecutive requests", async () => {
    for (let i = 0; i < 5; i += 1) {
      const result = await safePost(`${baseUrl}/ok`, { ...loopback, body: "{}" });
      expect(result.ok).toBe(true);
    }
    expect(received).toHaveLength(5);
    expect(connections).toBeLessThanOrEqual(1);
  });

  it("refuses the loopback receiver when loopback is not allowed", async () => {
    const result = await safePost(`${baseUrl}/ok`, { body: "{}" });
    expect(result).toMatchObject({ ok: false, status: null, error: "ssrf_blocked" });
    expect(received).toHaveLength(0);
    expect(connections).toBe(0);
  });

  it("refuses a hostname that resolves to loopback, at connect time", async () => {
    const result = await safePost(`http://localhost:${port}/ok`, { body: "{}", allowPrivate: true });
    expect(result.error).toBe("ssrf_blocked");
    expect(result.errorMessage).toMatch(/localhost/);
    expect(received).toHaveLength(0);
    expect(connections).toBe(0);
  });

  it("never reaches a protected port on loopback, by literal or by name, even when loopback is allowed", async () => {
    for (const url of [`${baseUrl}/ok`, `http://localhost:${port}/ok`]) {
      const result = await safePost(url, { ...loopback, protectedLoopbackPorts: [port], body: "{}" });
      expect(result, url).toMatchObject({ ok: false, status: null, error: "ssrf_blocked" });
    }
    expect((await safePost(`${baseUrl}/ok`, { ...loopback, protectedLoopbackPorts: [port], body: "{}" })).errorMessage).toMatch(`port ${port} belongs to Sema Link`);
    expect(received).toHaveLength(0);
    expect(connections).toBe(0);
    expect((await safePost(`${baseUrl}/ok`, { ...loopback, protectedLoopbackPorts: [port + 1], body: "{}" })).ok).toBe(true);
  });

  it("reaches a hostname that resolves to loopback when loopback is allowed", async () => {
    const result = await safePost(`http://localhost:${port}/ok`, { ...loopback, body: "{}" });
    expect(result).toMatchObject({ ok: true, status: 200 });
  });

  it("does not follow redirects", async () => {
    const result = await safePost(`${baseUrl}/redirect`, { ...loopback, body: "{}" });
    expect(result).toMatchObject({ ok: false, status: 302, error: "redirect_not_followed" });
    expect(result.headers.location).toBe(`${baseUrl}/ok`);
    expect(received.map((r) => r.path)).toEqual(["/redirect"]);
  });

  it("surfaces Retry-After on 429", async () => {
    const result = await safePost(`${baseUrl}/throttled`, { ...loopback, body: "{}" });
    expect(result).toMatchObject({ ok: false, status: 429, bodySnippet: "slow down" });
    expect(result.headers["retry-after"]).toBe("120");
    expect(result.error).toBeUndefined();
  });

  it("keeps only the first KB of the response body", async () => {
    const result = await safePost(`${baseUrl}/large-error`, { ...loopback, body: "{}" });
    expect(result.status).toBe(500);
    expect(result.ok).toBe(false);
    expect(result.bodySnippet).toBe("x".repeat(BODY_SNIPPET_BYTES));
  });

  it("times out when the receiver never answers", async () => {
    const started = Date.now();
    const result = await safePost(`${baseUrl}/never-answers`, { ...loopback, body: "{}", timeoutMs: 200 });
    const took = Date.now() - started;
    expect(result).toMatchObject({ ok: false, status: null, error: "timeout" });
    expect(took).toBeGreaterThanOrEqual(190);
    expect(took).toBeLessThan(1_500);
  });

  it("counts the response body against the timeout", async () => {
    const result = await safePost(`${baseUrl}/stalls-mid-body`, { ...loopback, body: "{}", timeoutMs: 200 });
    expect(result.error).toBe("timeout");
    expect(result.ok).toBe(false);
  });

  it("reports a refused connection as connection_error", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const result = await safePost(`http://127.0.0.1:${closedPort}/`, { ...loopback, body: "{}" });
    expect(result).toMatchObject({ ok: false, status: null, error: "connection_error" });
  });

  it("rejects URLs that are not http(s)", async () => {
    for (const url of ["not a url", "ftp://127.0.0.1/x", "file:///etc/passwd", "javascript:alert(1)"]) {
      const result = await safePost(url, { ...loopback, body: "{}" });
      expect(result.error).toBe("invalid_url");
    }
  });
});

describe("safePost to blocked addresses", () => {
  // These destinations are refused before any socket exists; the short timeout only bounds the
  // test if that ever regressed.
  const blocked = [
    "http://169.254.169.254/latest/meta-data/",
    "http://10.0.0.1/x",
    "https://10.0.0.1/x",
    "http://0xa000001/x",
    "http://[::ffff:a9fe:a9fe]/",
    "http://[fd00:ec2::254]/",
    "http://0.0.0.0:9/",
  ];

  it.each(blocked)("refuses %s immediately", async (url) => {
    const started = Date.now();
    const result = await safePost(url, { body: "{}", timeoutMs: 300 });
    expect(result).toMatchObject({ ok: false, status: null, error: "ssrf_blocked" });
    expect(Date.now() - started).toBeLessThan(150);
  });

  it("refuses metadata addresses even when loopback and private ranges are allowed", async () => {
    const result = await safePost("http://169.254.169.254/", {
      body: "{}",
      timeoutMs: 300,
      allowLoopback: true,
      allowPrivate: true,
    });
    expect(result.error).toBe("ssrf_blocked");
  });
});

describe("createGuardedLookup", () => {
  const answers =
    (...addresses: string[]): DnsResolver =>
    async () =>
      addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));

  const lookupWith = (resolver: DnsResolver, all: boolean) =>
    new Promise<{ error: NodeJS.ErrnoException | null; address: unknown }>((resolve) => {
      createGuardedLookup({}, resolver)("rebind.example", { all }, (error, address) => resolve({ error, address }));
    });

  it("refuses when any resolved address is blocked", async () => {
    for (const all of [true, false]) {
      const { error } = await lookupWith(answers("93.184.216.34", "10.0.0.1"), all);
      expect(error).toBeInstanceOf(SsrfBlockedError);
      expect((error as SsrfBlockedError).address).toBe("10.0.0.1");
    }
  });

  it("refuses metadata answers", async () => {
    const { error } = await lookupWith(answers("169.254.169.254"), false);
    expect(error).toBeInstanceOf(SsrfBlockedError);
    expect((error as SsrfBlockedError).addressClass).toBe(classifyIp("169.254.169.254"));
  });

  it("passes public answers through in the shape net expects", async () => {
    expect(await lookupWith(answers("93.184.216.34", "2606:2800:220:1::1"), true)).toEqual({
      error: null,
      address: [
        { address: "93.184.216.34", family: 4 },
        { address: "2606:2800:220:1::1", family: 6 },
      ],
    });
    expect(await lookupWith(answers("93.184.216.34"), false)).toEqual({ error: null, address: "93.184.216.34" });
  });

  it("propagates resolver failures", async () => {
    const failing: DnsResolver = async () => {
      throw Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" });
    };
    const { error } = await lookupWith(failing, true);
    expect(error?.code).toBe("ENOTFOUND");
  });
});

describe("assertDestinationAllowed", () => {
  it("accepts public https URLs without touching DNS by default", async () => {
    const neverCalled: DnsResolver = async () => {
      throw new Error("resolver must not be called");
    };
    const check = await assertDestinationAllowed("https://hooks.example.com/sms", {}, neverCalled);
    expect(check.allowed).toBe(true);
  });

  it("rejects private, metadata and loopback literals and localhost names", async () => {
    for (const url of ["http://10.0.0.1/x", "http://169.254.169.254/", "http://127.0.0.1:3000/", "http://localhost/x", "http://api.localhost/"]) {
      const check = await assertDestinationAllowed(url);
      expect(check).toMatchObject({ allowed: false, reason: "blocked_address" });
    }
  });

  it("honours the policy", async () => {
    expect((await assertDestinationAllowed("http://127.0.0.1:3000/", { allowLoopback: true })).allowed).toBe(true);
    expect((await assertDestinationAllowed("http://localhost:3000/", { allowLoopback: true })).allowed).toBe(true);
    expect((await assertDestinationAllowed("http://10.1.2.3/", { allowPrivate: true })).allowed).toBe(true);
    expect((await assertDestinationAllowed("http://169.254.169.254/", { allowPrivate: true, allowLoopback: true })).allowed).toBe(false);
  });

  it("rejects names that can only be internal, naming the reason, unless the policy opens their class", async () => {
    expect(await assertDestinationAllowed("http://metadata.google.internal/computeMetadata/v1/", { allowPrivate: true, allowLoopback: true })).toMatchObject({
      allowed: false,
      reason: "blocked_address",
      addressClass: "link_local",
    });
    for (const url of ["http://redis:6379/", "http://db.internal/x", "http://printer.local/"]) {
      expect(await assertDestinationAllowed(url), url).toMatchObject({ allowed: false, reason: "blocked_address", addressClass: "private" });
      expect((await assertDestinationAllowed(url, { allowPrivate: true })).allowed, url).toBe(true);
    }
    expect(checkDestination("http://10.0.0.1/x")).toMatchObject({ allowed: false, message: "10.0.0.1 is a private-network address, which webhooks may not reach" });
  });

  it("refuses the platform's own loopback ports even when loopback is allowed", () => {
    const policy = { allowLoopback: true, protectedLoopbackPorts: [3000] };
    expect(checkDestination("http://127.0.0.1:3000/api/callbacks/celcom/dlr", policy)).toMatchObject({ allowed: false, reason: "protected_port" });
    expect(checkDestination("http://localhost:3000/", policy)).toMatchObject({ allowed: false, reason: "protected_port" });
    expect(checkDestination("http://127.0.0.1:3001/", policy).allowed).toBe(true);
    expect(checkDestination("http://127.0.0.1:3000/", { protectedLoopbackPorts: [3000] })).toMatchObject({ allowed: false, reason: "blocked_address" });
  });

  it("rejects malformed URLs and other schemes", async () => {
    expect(await assertDestinationAllowed("hooks.example.com/x")).toMatchObject({ allowed: false, reason: "invalid_url" });
    expect(await assertDestinationAllowed("ftp://example.com/x")).toMatchObject({ allowed: false, reason: "unsupported_scheme" });
  });

  it("checks resolved addresses when asked to", async () => {
    const privateAnswer: DnsResolver = async () => [{ address: "192.168.1.5", family: 4 }];
    const publicAnswer: DnsResolver = async () => [{ address: "93.184.216.34", family: 4 }];
    const failing: DnsResolver = async () => {
      throw new Error("ENOTFOUND");
    };
    expect(await assertDestinationAllowed("https://internal.example/x", { resolveDns: true }, privateAnswer)).toMatchObject({
      allowed: false,
      reason: "blocked_address",
    });
    expect((await assertDestinationAllowed("https://hooks.example/x", { resolveDns: true }, publicAnswer)).allowed).toBe(true);
    expect(await assertDestinationAllowed("https://nowhere.example/x", { resolveDns: true }, failing)).toMatchObject({
      allowed: false,
      reason: "dns_resolution_failed",
    });
  });
});
