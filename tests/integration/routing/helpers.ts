import type { CelcomSimulator } from "@/simulators/celcom/create-celcom-simulator";
import type { SmppSimulator } from "@/simulators/smpp/create-smpp-simulator";
import type { RouteStrategy } from "@/lib/routing/schemas";
import type { ProviderDefinition, RoutingTable } from "@/lib/routing/types";

export function celcomDefinition(name: string, simulator: CelcomSimulator, extra: Partial<ProviderDefinition> = {}): ProviderDefinition {
  return {
    id: name,
    name,
    kind: "celcom",
    enabled: true,
    maxPerSecond: 1_000,
    costs: {},
    settings: { baseUrl: simulator.url, partnerId: simulator.config.partnerId, timeoutMs: 2_000 },
    secrets: { apiKey: simulator.config.apiKey },
    version: "1",
    ...extra,
  };
}

export function smppDefinition(name: string, simulator: SmppSimulator, extra: Partial<ProviderDefinition> = {}): ProviderDefinition {
  return {
    id: name,
    name,
    kind: "smpp",
    enabled: true,
    maxPerSecond: 1_000,
    costs: {},
    settings: { host: "127.0.0.1", port: simulator.port, systemId: simulator.config.systemId, windowSize: 20, timeoutMs: 2_000 },
    secrets: { password: simulator.config.password },
    version: "1",
    ...extra,
  };
}

/** A fixed routing table: Kenya through `providers` in that order. */
export function kenyaTable(providers: ProviderDefinition[], strategy: RouteStrategy = "priority"): () => Promise<RoutingTable> {
  const table: RoutingTable = {
    providers: new Map(providers.map((provider) => [provider.name, provider])),
    routes: [{ country: "KE", mno: "", strategy, providers: providers.map((provider) => provider.name) }],
  };
  return async () => table;
}
