import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { decryptSecrets } from "@/lib/routing/provider-secrets";
import type { RouteStrategy, RoutingProviderKind } from "@/lib/routing/schemas";
import type { ProviderDefinition, RouteDefinition, RoutingTable } from "@/lib/routing/types";

const log = logger.child({ component: "routing" });

/** Every provider (enabled or not) with its secrets decrypted, and every route with its providers in order. */
export async function loadRoutingTable(): Promise<RoutingTable> {
  const [providerRows, routeRows] = await Promise.all([
    db.provider.findMany({ orderBy: { name: "asc" } }),
    db.route.findMany({ include: { providers: { include: { provider: { select: { name: true } } }, orderBy: { position: "asc" } } } }),
  ]);
  const providers = new Map<string, ProviderDefinition>();
  for (const row of providerRows) {
    let secrets: Record<string, string>;
    try {
      secrets = decryptSecrets(row.secrets);
    } catch (error) {
      // A key change must not stop the other providers; this one cannot be used until fixed.
      log.error("provider secrets cannot be decrypted with PROVIDER_SECRETS_KEY; provider skipped", { provider: row.name, err: error });
      continue;
    }
    providers.set(row.name, {
      id: row.id,
      name: row.name,
      kind: row.kind as RoutingProviderKind,
      enabled: row.enabled,
      maxPerSecond: row.maxPerSecond,
      costs: (row.costs ?? {}) as Record<string, number>,
      settings: (row.settings ?? {}) as Record<string, unknown>,
      secrets,
      version: row.updatedAt.toISOString(),
    });
  }
  const routes: RouteDefinition[] = routeRows.map((route) => ({
    country: route.country,
    mno: route.mno,
    strategy: route.strategy as RouteStrategy,
    providers: route.providers.map((entry) => entry.provider.name),
  }));
  return { providers, routes };
}

/** The table, re-read at most every `ttlMs` so an operator's change reaches every worker within seconds. */
export function cachedRoutingTable(ttlMs = 5_000, load: () => Promise<RoutingTable> = loadRoutingTable): () => Promise<RoutingTable> {
  let current: { table: RoutingTable; at: number } | null = null;
  let loading: Promise<RoutingTable> | null = null;
  return async () => {
    if (current && Date.now() - current.at < ttlMs) return current.table;
    loading ??= load()
      .then((table) => {
        current = { table, at: Date.now() };
        return table;
      })
      .catch((error: unknown) => {
        // Keep routing with the last table while the database is unreachable.
        if (current) {
          log.warn("routing table reload failed; keeping the previous one", { err: error });
          return current.table;
        }
        throw error;
      })
      .finally(() => {
        loading = null;
      });
    return loading;
  };
}
