import type { NextConfig } from "next";
import { securityHeaderRules } from "./lib/security/headers";

const nextConfig: NextConfig = {
  // Database, queue and crypto libraries run as plain Node modules on the server.
  serverExternalPackages: ["pg", "pg-copy-streams", "@prisma/adapter-pg", "bullmq", "ioredis", "papaparse"],
  poweredByHeader: false,
  // The public API lives at /v1/…; the route handlers sit under app/api/v1.
  // nosniff, Referrer-Policy, Permissions-Policy, framing and HSTS on every path; the CSP on /api and
  // /v1 here, on pages from proxy.ts (it needs a per-request nonce).
  async headers() {
    return securityHeaderRules();
  },
  async rewrites() {
    return [{ source: "/v1/:path*", destination: "/api/v1/:path*" }];
  },
};

export default nextConfig;
