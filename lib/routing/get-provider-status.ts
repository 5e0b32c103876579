import { env } from "@/lib/env";
import { sharedRedis } from "@/lib/queue/connection";
import { buildAdapter } from "@/lib/routing/build-adapter";
import { HealthWindows } from "@/lib/routing/health-windows";
import { loadRoutingTable } from "@/lib/routing/load-routing-table";
import { BREAKER_REPORT_TTL_MS, breakerKey } from "@/lib/routing/provider-router";
import type { RoutingProviderKind } from "@/lib/routing/schemas";

export type ProviderState = "closed" | "open" | "half-open" | "disabled";

export interface ProviderStatus {
  name: string;
  kind: RoutingProviderKind;
  state: ProviderState;
  /** Accepted ÷ submitted over the last 5 minutes; null without traffic. */
  successRatio: number | null;
  p50LatencyMs: number | null;
  p95LatencyMs: number | null;
  attempts5m: number;
  messagesPerSecond: number;
  /** Sends waiting for this provider's rate limit, across workers. */
  queueDepth: number;
  /** Where the provider reports one (Celcom getbalance), in minor units. */
  balance: { minor: number; text: string } | null;
  maxPerSecond: number;
  /** How many worker processes reported a breaker state in the last 30 s. */
  workersReporting: number;
}

/** The worst state any live worker reports: one worker seeing an open circuit is worth knowing. */
export function combineBreakerStates(reports: readonly string[]): Exclude<ProviderState, "disabled"> {
  if (reports.includes("open")) return "open";
  if (reports.includes("half-open")) return "half-open";
  return "closed";
}

async function balanceOf(adapter: ReturnType<typeof buildAdapter>): Promise<ProviderStatus["balance"]> {
  if (!adapter.getBalance) return null;
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), 3_000).unref());
  const result = await Promise.race([adapter.getBalance(), timeout]);
  return result && result.ok ? { minor: result.creditMinor, text: result.creditText } : null;
}

/** Provider status for `smsctl provider status` and the operator Providers page. */
export async function getProviderStatus(options: { withBalance?: boolean } = {}): Promise<ProviderStatus[]> {
  const table = await loadRoutingTable();
  const providers = [...table.providers.values()];
  const redis = sharedRedis();
  const prefix = env.QUEUE_PREFIX;
  const health = await new HealthWindows(redis, prefix).read(providers.map((provider) => provider.name));
  const now = Date.now();
  return Promise.all(
    providers.map(async (provider) => {
      const reports = Object.values(await redis.hgetall(breakerKey(prefix, provider.name)))
        .map((raw) => JSON.parse(raw) as { state: string; at: number })
        .filter((report) => now - report.at <= BREAKER_REPORT_TTL_MS);
      const windows = health.get(provider.name);
      const adapter = options.withBalance === false || provider.kind !== "celcom" ? null : buildAdapter(provider);
      return {
        name: provider.name,
        kind: provider.kind,
        state: provider.enabled ? combineBreakerStates(reports.map((report) => report.state)) : "disabled",
        successRatio: windows?.successRatio ?? null,
        p50LatencyMs: windows?.p50LatencyMs ?? null,
        p95LatencyMs: windows?.p95LatencyMs ?? null,
        attempts5m: windows?.attempts ?? 0,
        messagesPerSecond: windows?.perSecond ?? 0,
        queueDepth: Math.max(0, Number((await redis.get(`${prefix}:routing:waiting:${provider.name}`)) ?? 0)),
        balance: adapter ? await balanceOf(adapter) : null,
        maxPerSecond: provider.maxPerSecond,
        workersReporting: reports.length,
      } satisfies ProviderStatus;
    }),
  );
}
