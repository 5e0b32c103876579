import { db } from "@/lib/db";
import { createPrefixRegistry, type PrefixRegistry } from "@/lib/phone/prefix-registry";

// Prefix allocations change a few times a year; a minute's staleness costs nothing and saves a
// table scan on every send.
const CACHE_TTL_MS = 60_000;

let cached: { registry: PrefixRegistry; loadedAt: number } | null = null;
let loading: Promise<PrefixRegistry> | null = null;

async function loadFromDatabase(): Promise<PrefixRegistry> {
  const rows = await db.mnoPrefix.findMany({ select: { country: true, prefix: true, operator: true } });
  const registry = createPrefixRegistry(rows);
  cached = { registry, loadedAt: Date.now() };
  return registry;
}

/** The MNO prefix registry from `mno_prefixes`, cached in-process; concurrent callers share one load. */
export async function loadPrefixRegistry(): Promise<PrefixRegistry> {
  if (cached && Date.now() - cached.loadedAt < CACHE_TTL_MS) return cached.registry;
  loading ??= loadFromDatabase().finally(() => {
    loading = null;
  });
  return loading;
}
