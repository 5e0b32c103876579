import { describe, expect, it } from "vitest";
import { parseClusterNodes } from "@/lib/queue/connection";

describe("parseClusterNodes", () => {
  it("reads host:port seeds", () => {
    expect(parseClusterNodes("10.0.0.1:7000, 10.0.0.2:7001,,")).toEqual({ nodes: [{ host: "10.0.0.1", port: 7000 }, { host: "10.0.0.2", port: 7001 }], redisOptions: {} });
  });

  it("takes credentials and TLS from URLs, and the default port", () => {
    const parsed = parseClusterNodes("rediss://app:s%40cret@redis-1.internal:6380,redis-2.internal");
    expect(parsed.nodes).toEqual([{ host: "redis-1.internal", port: 6380 }, { host: "redis-2.internal", port: 6379 }]);
    expect(parsed.redisOptions).toEqual({ username: "app", password: "s@cret", tls: {} });
  });
});
