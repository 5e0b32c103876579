import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Database, queue and crypto libraries run as plain Node modules on the server.
  serverExternalPackages: ["pg", "pg-copy-streams", "@prisma/adapter-pg", "bullmq", "ioredis", "papaparse"],
  poweredByHeader: false,
  // The public API lives at /v1/…; the route handlers sit under app/api/v1.
  async rewrites() {
    return [{ source: "/v1/:path*", destination: "/api/v1/:path*" }];
  },
};

export default nextConfig;
