import { describe, expect, it } from "vitest";
import { clientIp } from "@/lib/auth/client-ip";

const headers = (forwardedFor?: string) => new Headers(forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor });

describe("clientIp", () => {
  it("takes the first X-Forwarded-For entry only behind a trusted proxy", () => {
    expect(clientIp(headers("203.0.113.7, 10.0.0.2"), true)).toBe("203.0.113.7");
    expect(clientIp(headers("203.0.113.7, 10.0.0.2"), false)).toBe("10.0.0.2");
  });

  it("reads the socket address Next.js records, unwrapping IPv4-mapped IPv6", () => {
    expect(clientIp(headers("::ffff:127.0.0.1"), false)).toBe("127.0.0.1");
    expect(clientIp(headers("2001:DB8::1"), false)).toBe("2001:db8::1");
  });

  it("falls back to one shared bucket when no address is known", () => {
    expect(clientIp(headers(), false)).toBe("unknown");
    expect(clientIp(headers(" , "), true)).toBe("unknown");
  });
});
