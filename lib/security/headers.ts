// Security headers for every response. The static set is applied by next.config.ts `headers()` to
// all paths (pages, /api, /v1, assets); pages get a per-request nonce CSP from proxy.ts, API
// responses the strict JSON policy below. No imports: next.config.ts loads this file at build time.

export const PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()";

/** API responses are JSON or CSV and never render: nothing may load, nothing may frame them. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** Two years, as the preload list expects; browsers ignore it over plain http. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

interface HeaderRule {
  source: string;
  has?: { type: "header"; key: string; value?: string }[];
  headers: { key: string; value: string }[];
}

/** The rules next.config.ts returns from `headers()`. */
export function securityHeaderRules(): HeaderRule[] {
  const apiPolicy = [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }];
  return [
    {
      source: "/:path*",
      headers: [
        { key: "X-Content-Type-Options", value: "nosniff" },
        { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
        // For browsers without CSP frame-ancestors.
        { key: "X-Frame-Options", value: "DENY" },
        { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
      ],
    },
    { source: "/api/:path*", headers: apiPolicy },
    { source: "/v1/:path*", headers: apiPolicy },
    // TLS ends at the reverse proxy, which says so in X-Forwarded-Proto.
    {
      source: "/:path*",
      has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
      headers: [{ key: "Strict-Transport-Security", value: STRICT_TRANSPORT_SECURITY }],
    },
  ];
}

/**
 * Pages whose styles may be inline without a nonce: the API reference, whose Scalar bundle injects
 * two stylesheets (its theme and its toaster's) that it does not give the page's nonce.
 */
export const INLINE_STYLE_PATHS = ["/docs"];

/** A fresh, unguessable nonce for one page response. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The policy for a portal page. Next.js reads the nonce from this header on the request and puts it on
 * its own scripts; `'strict-dynamic'` lets those load the rest of the bundle. Style attributes stay
 * allowed (`style-src-attr`): React renders a few (progress bars) and they cannot run code.
 */
export function pageContentSecurityPolicy(nonce: string, options: { https: boolean; development: boolean; inlineStyles?: boolean }): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    // The dev server (and, on /docs, Scalar's bundle) injects styles without a nonce; a nonce would
    // make browsers ignore 'unsafe-inline'. Scripts stay nonce-only everywhere.
    options.development || options.inlineStyles ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (options.https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}
