import type { RouteStrategy, RoutingProviderKind } from "@/lib/routing/schemas";

/** A provider as the router uses it: settings and decrypted secrets, never shown to anyone. */
export interface ProviderDefinition {
  id: string;
  name: string;
  kind: RoutingProviderKind;
  enabled: boolean;
  maxPerSecond: number;
  costs: Record<string, number>;
  settings: Record<string, unknown>;
  secrets: Record<string, string>;
  /** Changes whenever the row changes: the adapter is rebuilt (SMPP rebinds). */
  version: string;
}

export interface RouteDefinition {
  country: string;
  /** "" = every MNO of the country. */
  mno: string;
  strategy: RouteStrategy;
  /** Provider names in the operator's order. */
  providers: string[];
}

export interface RoutingTable {
  providers: ReadonlyMap<string, ProviderDefinition>;
  routes: readonly RouteDefinition[];
}

/** The route for a message: exact MNO first, then the country's catch-all; null when none. */
export function findRoute(table: RoutingTable, country: string | undefined, mno: string | undefined): RouteDefinition | null {
  if (!country) return null;
  const upper = country.toUpperCase();
  const lower = (mno ?? "").toLowerCase();
  return (
    table.routes.find((route) => route.country === upper && route.mno !== "" && route.mno.toLowerCase() === lower) ??
    table.routes.find((route) => route.country === upper && route.mno === "") ??
    null
  );
}
