import { describe, expect, it } from "vitest";
import { API_CONTENT_SECURITY_POLICY, createNonce, INLINE_STYLE_PATHS, pageContentSecurityPolicy, securityHeaderRules } from "@/lib/security/headers";

const directives = (policy: string) => new Map(policy.split("; ").map((directive) => [directive.split(" ")[0], directive]));

describe("page Content-Security-Policy", () => {
  it("allows only scripts carrying this response's nonce, and no framing", () => {
    const policy = directives(pageContentSecurityPolicy("abc123==", { https: false, development: false }));
    expect(policy.get("script-src")).toBe("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(policy.get("style-src")).toBe("style-src 'self' 'nonce-abc123=='");
    expect(policy.get("frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(policy.get("object-src")).toBe("object-src 'none'");
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
  });

  it("upgrades insecure requests over https and relaxes only what the dev server needs", () => {
    expect(directives(pageContentSecurityPolicy("n", { https: true, development: false })).has("upgrade-insecure-requests")).toBe(true);
    const development = directives(pageContentSecurityPolicy("n", { https: false, development: true }));
    expect(development.get("script-src")).toContain("'unsafe-eval'");
    expect(development.get("style-src")).toBe("style-src 'self' 'unsafe-inline'");
  });

  it("lets only the listed pages (the API reference) have inline styles, never inline scripts", () => {
    const reference = directives(pageContentSecurityPolicy("n", { https: false, development: false, inlineStyles: true }));
    expect(reference.get("style-src")).toBe("style-src 'self' 'unsafe-inline'");
    expect(reference.get("script-src")).toBe("script-src 'self' 'nonce-n' 'strict-dynamic'");
    expect(INLINE_STYLE_PATHS).toEqual(["/docs"]);
  });

  it("makes a new unguessable nonce each time", () => {
    const nonces = new Set(Array.from({ length: 50 }, createNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("next.config header rules", () => {
  it("puts the static set on every path, the API policy on /api and /v1, and HSTS only behind https", () => {
    const rules = securityHeaderRules();
    const everywhere = rules.find((rule) => rule.source === "/:path*" && !rule.has)!;
    expect(Object.fromEntries(everywhere.headers.map((header) => [header.key, header.value]))).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "X-Frame-Options": "DENY",
    });
    for (const source of ["/api/:path*", "/v1/:path*"]) {
      expect(rules.find((rule) => rule.source === source)?.headers).toEqual([{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }]);
    }
    const hsts = rules.find((rule) => rule.headers.some((header) => header.key === "Strict-Transport-Security"))!;
    expect(hsts.has).toEqual([{ type: "header", key: "x-forwarded-proto", value: "https" }]);
  });
});
