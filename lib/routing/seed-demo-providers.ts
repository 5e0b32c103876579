import { db } from "@/lib/db";
import { createProvider } from "@/lib/routing/manage-providers";
import { setRoute } from "@/lib/routing/manage-routes";

export interface DemoProviderSettings {
  celcomUrl: string;
  celcomApiKey: string;
  celcomPartnerId: string;
  smppHost: string;
  smppPort: number;
  smppSystemId: string;
  smppPassword: string;
}

/** Countries the demo routes cover: Kenya as the issue asks, and the other supported countries alike. */
const DEMO_COUNTRIES = ["KE", "UG", "TZ"];

/**
 * The two bundled simulators as providers, and routes through `celcom-sim` first, then `smpp-sim`.
 * Only into an empty providers table, so an operator's changes survive the next `npm start`.
 */
export async function seedDemoProviders(settings: DemoProviderSettings): Promise<{ seeded: boolean }> {
  if ((await db.provider.count()) > 0) return { seeded: false };
  await createProvider({
    name: "celcom-sim",
    kind: "celcom",
    settings: { baseUrl: settings.celcomUrl, partnerId: settings.celcomPartnerId, timeoutMs: 5_000 },
    secrets: { apiKey: settings.celcomApiKey },
    maxPerSecond: 200,
    costs: { "*": 50 },
  });
  await createProvider({
    name: "smpp-sim",
    kind: "smpp",
    settings: { host: settings.smppHost, port: settings.smppPort, systemId: settings.smppSystemId, windowSize: 50 },
    secrets: { password: settings.smppPassword },
    maxPerSecond: 500,
    costs: { "*": 60 },
  });
  for (const country of DEMO_COUNTRIES) await setRoute({ country, providers: ["celcom-sim", "smpp-sim"], strategy: "priority" });
  return { seeded: true };
}
