import { CelcomAdapter } from "@/lib/providers/celcom/adapter";
import { SmppAdapter, type InboundSms } from "@/lib/providers/smpp/adapter";
import type { SmppReceipt } from "@/lib/providers/smpp/pdu";
import type { SmsProvider } from "@/lib/providers/types";
import { celcomSettingsSchema, smppSettingsSchema } from "@/lib/routing/schemas";
import type { ProviderDefinition } from "@/lib/routing/types";

export interface AdapterHooks {
  onReceipt?: (provider: string) => (receipt: SmppReceipt) => Promise<void>;
  onInbound?: (provider: string) => (message: InboundSms) => Promise<void>;
}

export type ClosableProvider = SmsProvider & { close?: () => Promise<void> };

/** The adapter for a provider row: Celcom's HTTP API or an SMPP session. */
export function buildAdapter(definition: ProviderDefinition, hooks: AdapterHooks = {}): ClosableProvider {
  if (definition.kind === "smpp") {
    const settings = smppSettingsSchema.parse(definition.settings);
    return new SmppAdapter(
      { name: definition.name, ...settings, password: definition.secrets.password ?? "" },
      { onReceipt: hooks.onReceipt?.(definition.name), onInbound: hooks.onInbound?.(definition.name) },
    );
  }
  const settings = celcomSettingsSchema.parse(definition.settings);
  return new CelcomAdapter({ name: definition.name, ...settings, apiKey: definition.secrets.apiKey ?? "" });
}
